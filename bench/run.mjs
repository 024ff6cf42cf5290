#!/usr/bin/env node
// npm run bench [-- NAME…]: runs every benchmark in bench/ (or the named ones), one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && (wanted.length === 0 || wanted.some((w) => f.includes(w))));
for (const bench of benches) {
  console.log(`\n## ${bench}`);
  const run = spawnSync(process.execPath, [join(dir, bench)], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}
