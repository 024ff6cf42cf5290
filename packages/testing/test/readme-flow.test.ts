// The README's user test of a whole flow, run as a user runs it: extracted to a file and given to vitest in a
// child process, importing @apiclients/testing and @apiclients/statuspage as published (their dist builds).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dir = `${pkg}.readme-flow/`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('compiles and passes, both of its tests', async () => {
  const readme = readFileSync(`${pkg}README.md`, 'utf8');
  const code = /<!-- example: stateful-incident-flow -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code, 'the marked example of the README').toBeTypeOf('string');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}flow.test.ts`, code!);
  writeFileSync(`${dir}vitest.config.mjs`, "export default { test: { include: ['flow.test.ts'] } };\n");
  // It compiles under the repository's strict settings, as a user's TypeScript test would.
  writeFileSync(`${dir}tsconfig.json`, JSON.stringify({ extends: `${pkg}../../tsconfig.base.json`, compilerOptions: { noEmit: true }, include: ['flow.test.ts'] }));
  await promisify(execFile)(process.execPath, [`${pkg}../../node_modules/typescript/bin/tsc`, '-p', `${dir}tsconfig.json`]);
  const { stdout } = await promisify(execFile)(process.execPath, [`${pkg}../../node_modules/vitest/vitest.mjs`, 'run', '--root', dir, '--config', `${dir}vitest.config.mjs`, '--reporter', 'verbose', '--no-color'], { cwd: dir, env: { ...process.env, CI: 'true' } });
  expect(stdout).toMatch(/Tests\s+2 passed \(2\)/);
}, 60_000);
