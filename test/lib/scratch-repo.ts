/**
 * A scratch copy of what `npm run generate` reads and writes (specs, scripts, generated code, examples, turbo.json,
 * each package's package.json and the testing kit's generated vendor list), in the OS temp folder, with the
 * repository's node_modules linked in: tests change it without touching the repository.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './spec-validator.js';

const DIRECTORIES = ['specs', 'scripts', 'generated', 'examples', join('packages', 'testing', 'src', 'generated')];
const FILES = ['package.json', 'redocly.yaml', 'turbo.json', 'tsconfig.base.json', 'tsup.base.ts'];

/** Makes the copy; `remove()` deletes it. */
export function scratchRepo(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const path of [...DIRECTORIES, ...FILES]) cpSync(join(repoRoot, path), join(dir, path), { recursive: true });
  for (const name of readdirSync(join(repoRoot, 'packages'))) {
    mkdirSync(join(dir, 'packages', name), { recursive: true });
    cpSync(join(repoRoot, 'packages', name, 'package.json'), join(dir, 'packages', name, 'package.json'));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
