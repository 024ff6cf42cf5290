// Where the specs live and how to read them: shared by every script.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Binaries are called from node_modules/.bin, never through npx (npx leaves grandchildren behind). */
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Each spec in specs/ as { vendor, file }. */
export function listSpecs() {
  const dir = join(root, 'specs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ vendor: basename(f, '.yaml'), file: join(dir, f) }));
}

/** The parsed OpenAPI document of one spec file. */
export function readSpec(file) {
  return parse(readFileSync(file, 'utf8'));
}
