#!/usr/bin/env node
// No `any` in a published declaration file: every package's dist/*.d.ts is tokenised with TypeScript's own
// scanner (so comments and strings don't count) and each `any` keyword is reported, unless allowed below.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { anyKeywordLines } from './lib/any-tokens.mjs';
import { root } from './lib/specs.mjs';

// file (relative to the repository) → the reason its `any` is justified. Empty: none is, today.
const ALLOWED = {};

const problems = [];
let files = 0;
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dist = join(root, 'packages', pkg, 'dist');
  if (!existsSync(dist)) {
    problems.push(`packages/${pkg}/dist is missing: build first`);
    continue;
  }
  for (const name of readdirSync(dist).filter((f) => f.endsWith('.d.ts'))) {
    const file = join(dist, name);
    const text = readFileSync(file, 'utf8');
    files++;
    for (const line of anyKeywordLines(text)) {
      const where = relative(root, file);
      if (!ALLOWED[where]) problems.push(`${where}:${line}: ${text.split('\n')[line - 1]?.trim()}`);
    }
  }
}
if (problems.length) {
  console.error(`\`any\` in public declarations (fix the type, or allow it in scripts/check-dts.mjs with a reason):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`no \`any\` in ${files} published declaration files`);
