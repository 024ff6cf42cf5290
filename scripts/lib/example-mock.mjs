// Which mock `npm start` runs an example against: the vendor's Prism mock, unless the example's second line says
// `// npm start: stateful mock {…options…}`; then a stateful mock of the testing kit, started with those options
// (JSON) for that example alone, so what it creates is its own.
import { readFileSync } from 'node:fs';

const MARKER = /^\/\/ npm start: stateful mock( \{.*\})?$/m;

/** The stateful mock's options an example asks for, or `undefined` when it runs against Prism. */
export function statefulOptionsOf(file) {
  const head = readFileSync(file, 'utf8').split('\n').slice(0, 3).join('\n');
  const found = MARKER.exec(head);
  if (!found) return undefined;
  try {
    return found[1] ? JSON.parse(found[1]) : {};
  } catch (error) {
    throw new Error(`${file}: the options after "npm start: stateful mock" are not JSON: ${error.message}`);
  }
}
