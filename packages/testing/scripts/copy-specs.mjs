// Build step: copies the repository's specs/*.yaml into this package's specs/ (published, git-ignored), so the
// mock servers serve exactly the specs the clients were generated from, without a second copy in git.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../../specs/', import.meta.url));
const target = fileURLToPath(new URL('../specs/', import.meta.url));

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const specs = readdirSync(source).filter((file) => file.endsWith('.yaml'));
for (const file of specs) copyFileSync(join(source, file), join(target, file));
console.log(`copied ${specs.length} specs into packages/testing/specs/`);
