#!/usr/bin/env node
// Benchmark (prints figures): what each package weighs in a user's bundle, measured by scripts/lib/bundle-size.mjs
// (the same function as the `node scripts/check-size.mjs` budget), with peers for scale. Run: npm run bench -- weight
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, TARGETS, kB, measureBundle, measurePackages, root, sizeTable } from '../scripts/lib/bundle-size.mjs';
import { markdownTable, verdict } from './lib/table.mjs';

const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const rows = await measurePackages();
console.log(`Minified ESM for the browser (esbuild), brotli quality 11; 1 kB = 1 000 bytes. Entry: each package's dist/index.js, every export kept.\n`);
console.log(sizeTable(rows));

// For scale: the peers alone, and what a user importing only the client class ships (tree-shaken).
const reference = [
  ['openapi-fetch ' + version('openapi-fetch') + ' (alone)', await measureBundle({ source: "export * from 'openapi-fetch'; export { default } from 'openapi-fetch';" })],
  ['axios ' + version('axios') + ' (browser build)', await measureBundle({ source: "export { default } from 'axios';" })],
  ['`import { SparkClient }` only, all bundled', await measureBundle({ source: "export { SparkClient } from '@apiclients/spark';" })],
  ['`import { VssClient }` only, all bundled', await measureBundle({ source: "export { VssClient } from '@apiclients/vss';" })],
];
console.log('\nFor scale:\n');
console.log(
  markdownTable(
    [{ title: 'bundle' }, { title: 'minified', align: 'right' }, { title: 'brotli', align: 'right' }],
    reference.map(([name, size]) => [name, kB(size.minified), kB(size.brotli)]),
  ),
);
console.log(`\nTargets: core ≤ ${kB(TARGETS.core)}, each vendor ≤ ${kB(TARGETS.vendor)} beyond core`);
for (const r of rows) {
  const target = r.isCore ? TARGETS.core : TARGETS.vendor;
  console.log(`- ${r.name}: ${verdict(r.own.brotli <= target, `${kB(r.own.brotli)} of ${kB(target)}`)}`);
}
console.log(`\nBudgets npm test enforces (scripts/check-size.mjs): core ≤ ${kB(BUDGETS.core)}, each vendor ≤ ${kB(BUDGETS.vendor)} beyond core`);
