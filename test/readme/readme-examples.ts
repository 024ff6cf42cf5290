/**
 * The TypeScript examples of the package READMEs. An example is a ```ts block right after a marker line
 * `<!-- example: <id> -->`; the id names the check that runs it (test/readme/readme-examples.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ReadmeExample {
  id: string;
  /** `packages/<name>/README.md:<line of the fence>` */
  where: string;
  code: string;
}

const MARKER = /^<!-- example: ([a-z0-9-]+) -->$/;

/** The marked examples of one README, and the ```ts blocks that carry no marker (which nothing would run). */
export function examplesOf(readme: string): { examples: ReadmeExample[]; unmarked: string[] } {
  const text = readFileSync(join(root, readme), 'utf8');
  const lines = text.split('\n');
  const examples: ReadmeExample[] = [];
  const unmarked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\b/.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end === -1) throw new Error(`${readme}:${i + 1}: unclosed code block`);
    const id = MARKER.exec(lines[i - 1] ?? '')?.[1];
    if (id) examples.push({ id, where: `${readme}:${i + 1}`, code: `${lines.slice(i + 1, end).join('\n')}\n` });
    else unmarked.push(`${readme}:${i + 1}`);
    i = end;
  }
  return { examples, unmarked };
}

/**
 * Writes each example to `<dir>/<id>.ts` beside a tsconfig with the repository's strict settings, and returns
 * the paths by id. The directory is inside the repository so that `@apiclients/*` resolve as a user's would.
 */
export function writeExamples(dir: string, examples: ReadmeExample[]): Map<string, string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tsconfig = { extends: join(root, 'tsconfig.base.json'), compilerOptions: { noEmit: true }, include: ['*.ts'] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const files = new Map<string, string>();
  for (const example of examples) {
    if (files.has(example.id)) throw new Error(`${example.where}: the example id ${example.id} is used twice`);
    const file = join(dir, `${example.id}.ts`);
    writeFileSync(file, `// Extracted from ${example.where}\n${example.code}`);
    files.set(example.id, file);
  }
  return files;
}

/** What `tsc --noEmit` reports for the examples written to `dir` (empty when they all compile). */
export function typeCheck(dir: string): string {
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
    return `${stdout ?? ''}${stderr ?? ''}` || message;
  }
}
