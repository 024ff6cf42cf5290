#!/usr/bin/env node
// npm run new-vendor <name>: writes a stub spec specs/<name>.yaml (two operations) and the package packages/<name>
// around it. Then: describe the API in the spec, `npm install` (links the new workspace), `npm run generate`
// (its generated code, the testing kit's vendor list, turbo.json's lists), `npm run build`. Nothing else lists the
// vendors by hand: scripts/lib/vendors.mjs finds it by its spec and package.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './lib/specs.mjs';
import { newVendorFiles } from './lib/new-vendor-files.mjs';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*$/.test(name)) {
  console.error('usage: npm run new-vendor <name>   (lower-case letters and digits: the spec, package and mock name)');
  process.exit(2);
}
const files = newVendorFiles(name);
const taken = Object.keys(files).filter((path) => existsSync(join(root, path)));
if (taken.length) {
  console.error(`new-vendor: ${name} exists already (${taken.join(', ')})`);
  process.exit(1);
}
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
console.log('\nNext: describe the API in the spec, then `npm install && npm run generate && npm run build`.');
