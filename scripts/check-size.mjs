#!/usr/bin/env node
// Size budget (run after `npm run build`): each package's dist bundled as a user's bundler would (esbuild,
// minified ESM for the browser), measured minified + brotli, against the budgets of scripts/lib/bundle-size.mjs
// (each vendor package counted beyond core, openapi-fetch and @apiclients/core external; generated types cost
// nothing at run time, the generated operation table does). Prints a table; exits 1 when a budget is exceeded.
import { measurePackages, sizeTable } from './lib/bundle-size.mjs';

let rows;
try {
  rows = await measurePackages();
} catch (error) {
  console.error(`check-size: ${error.message}`);
  process.exit(1);
}
console.log(sizeTable(rows));
const over = rows.filter((r) => !r.within);
if (over.length) {
  console.error(`\nSize budget exceeded: ${over.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
console.log('\nEvery package is within its size budget.');
