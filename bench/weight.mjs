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
console.log(`\nBudgets npm test enforces (scripts/check-size.mjs): core ≤ ${kB(BUDGETS.core)}, each vendor ≤ ${kB(BUDGETS.vendorQuirks)} + ${BUDGETS.vendorPerOperation} B an operation beyond core`);

// Where core's bytes go: each source module's share of the minified bundle (esbuild's metafile, bundled from
// src/ as the budget bundles dist/), and what it carries. Brotli does not split by module; its column is the
// module's share of the minified bytes applied to the bundle's brotli size, an estimate.
const CARRIES = {
  'bind-operations.ts': 'typed calls from the operation table',
  'call-arguments.ts': 'arguments checked and named, defaults, envelopes',
  'decode-response.ts': 'bodies decoded by media type',
  'send-call.ts': 'a bound call sent through the wire-form door',
  'list-operation.ts': 'list operations as PagedLists',
  'pagination-styles.ts': 'the pagination styles by name',
  'transport.ts': 'credential, per-attempt timeout, caller abort, retries, typed connection errors',
  'attempt-once.ts': 'one attempt and its redirects by the redirect policy',
  'fetch-door.ts': 'the `.raw` fetch door',
  'paged-list.ts': 'auto-pagination: async iteration, pages, `limit`, `maxPages`, concurrent page fetches',
  'api-client-error.ts': 'the base error with a redacted, bounded `toJSON`',
  'request-errors.ts': 'connection, timeout, abort, invalid-response and middleware errors',
  'api-errors.ts': 'one error class per HTTP meaning',
  'redact.ts': 'secrets redacted as sent, URL-encoded, form-encoded and JSON-escaped; credential shapes in free text',
  'link-header.ts': 'RFC 8288 `Link` parsing',
  'api-error-from-response.ts': 'an HTTP error answer as the typed error, by the vendor\'s error shape',
  'retry-policy.ts': 'which failures retry and how long to wait',
  'redirects.ts': 'the redirect policy (credential kept in-origin, dropped cross-origin)',
  'fetch-client.ts': 'the `.raw` openapi-fetch client on the same transport',
  'retry-after.ts': '`Retry-After` in seconds or as a date, odd values refused',
  'client-options.ts': 'option checks with typed errors',
  'request-body.ts': 'JSON, form and multipart bodies',
  'operation-table.ts': 'defaults of the compact generated tables',
  'vendor-errors.ts': 'vendor error subclasses',
  'vendor-client.ts': 'one vendor client from its parts',
  'request-url.ts': 'URLs as openapi-fetch builds them',
  'sleep.ts': 'an abortable wait',
  'env.ts': 'credentials from environment variables where there are any (not in a browser)',
};
const { metafile } = await measureBundle(join(root, 'packages', 'core', 'src', 'internal.ts'), ['openapi-fetch']);
const inputs = Object.entries(Object.values(metafile.outputs)[0].inputs)
  .map(([file, { bytesInOutput }]) => ({ module: file.split('/').pop(), bytes: bytesInOutput }))
  .filter((m) => m.bytes > 0)
  .sort((a, b) => b.bytes - a.bytes);
const minifiedTotal = inputs.reduce((sum, m) => sum + m.bytes, 0);
const coreBrotli = rows.find((r) => r.isCore).own.brotli;
console.log(`\nWhere @apiclients/core's ${kB(coreBrotli)} go (minified bytes by source module; brotli ≈ that share of the whole):\n`);
console.log(
  markdownTable(
    [{ title: 'module' }, { title: 'minified', align: 'right' }, { title: '≈ brotli', align: 'right' }, { title: 'carries' }],
    inputs.map((m) => [`\`${m.module}\``, kB(m.bytes), kB((m.bytes / minifiedTotal) * coreBrotli), CARRIES[m.module] ?? '']),
  ),
);

// The same bytes by layer, each row everything a bundler keeps for those imports (tree-shaken, openapi-fetch
// external): what a user who took only that much of core would ship.
const layers = [
  ['`createTransport`: fetch with credential, timeout, abort, retries, redirect policy, redaction, typed errors', 'createTransport'],
  ['+ `PagedList`: auto-pagination', 'createTransport, PagedList'],
  ['+ `bindOperations`: typed operations from a generated table', 'createTransport, PagedList, bindOperations'],
  ['+ `createVendorClient`: `.raw` openapi-fetch client, client options', 'createTransport, PagedList, bindOperations, createVendorClient'],
  ['everything core exports (its internal entry)', '*'],
];
console.log(`\n@apiclients/core by layer (brotli; target ${kB(TARGETS.core)}):\n`);
const layerRows = [];
for (const [layer, names] of layers) {
  const source = names === '*' ? "export * from '@apiclients/core/internal';" : `export { ${names} } from '@apiclients/core/internal';`;
  const size = await measureBundle({ source }, ['openapi-fetch']);
  layerRows.push([layer, kB(size.minified), kB(size.brotli)]);
}
console.log(markdownTable([{ title: 'imports' }, { title: 'minified', align: 'right' }, { title: 'brotli', align: 'right' }], layerRows));

// A vendor's bytes beyond core split into its generated operation table (the spec in run-time form: one entry per
// operation, growing with the API) and its hand-written wrapper: the vendor bundled from src/ once as is and once
// with the table left out (esbuild external), both minified + brotli with openapi-fetch and core external.
const tableExternal = {
  name: 'operation-table-external',
  setup(build) {
    build.onResolve({ filter: /generated\/[^/]+\/operations\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
const vendorRows = [];
for (const r of rows.filter((row) => !row.isCore)) {
  const entry = join(root, 'packages', r.dir, 'src', 'index.ts');
  const asIs = await measureBundle(entry, ['openapi-fetch', '@apiclients/core']);
  const wrapperOnly = await measureBundle(entry, ['openapi-fetch', '@apiclients/core'], [tableExternal]);
  vendorRows.push([r.name, kB(asIs.brotli), kB(asIs.brotli - wrapperOnly.brotli), kB(wrapperOnly.brotli), verdict(wrapperOnly.brotli <= TARGETS.vendor, `wrapper ${kB(wrapperOnly.brotli)} of ${kB(TARGETS.vendor)}`)]);
}
console.log(`\nEach vendor beyond core, split (brotli):\n`);
console.log(
  markdownTable(
    [{ title: 'package' }, { title: 'beyond core (from src/)', align: 'right' }, { title: 'generated operation table', align: 'right' }, { title: 'hand-written wrapper', align: 'right' }, { title: 'wrapper vs target' }],
    vendorRows,
  ),
);
