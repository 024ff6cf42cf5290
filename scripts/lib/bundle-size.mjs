// What each package weighs in a user's bundle: its built dist/index.js bundled by esbuild as a browser bundler
// would (minified ESM, every export kept, Node built-ins left out), then compressed with brotli. Shared by
// scripts/check-size.mjs (the budget) and bench/weight.mjs (the figures).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

/** Repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Issue 6's targets in bytes, minified + brotli (1 kB = 1 000 bytes, as size-limit counts): bench/weight.mjs reports against them. */
export const TARGETS = {
  /** @apiclients/core itself, openapi-fetch external (it is a dependency users may share). */
  core: 4_000,
  /** A vendor package beyond core: openapi-fetch and @apiclients/core external. */
  vendor: 3_000,
};

/**
 * The budgets `npm test` enforces (scripts/check-size.mjs), rebased from the targets on measured figures
 * (bench/RESULTS.md, "weight"): core carries what the issues after the target ask of it (argument checks that
 * name the argument in the flat calling convention, three pagination styles, the redirect policy, redaction in every
 * encoding, nine error classes, responses checked against their media types), 8.98 kB; the rate limiter of issue 19
 * (pacing queue per credential, adaptive pause, fail-open store) 1.4 kB more, 10.61 kB; the sender seam of issue 17 (a
 * sender per runtime beneath the transport, `close()`, Node-only options refused elsewhere) 0.4 kB more, 11.03 kB; issue
 * 22 (hostile servers) 2.2 kB more: redaction of parsed bodies and short secrets, per-call body secrets, cross-origin
 * Location scrubbing, path-segment and Unicode checks, the bounded body reader, bounded error JSON, lazy later pages
 * with early-exit aborts, typed errors for odd answers: 13.37 kB; issue 20's middleware, `withResponse()`
 * (APIPromise), the client base class, per-attempt log lines with redacted bodies and the polling of long-running
 * work (pollUntil) about 2 kB more; the security audit after issue 25 (timers capped at 2^31 − 1 ms, NO_PROXY by
 * address and CIDR range, httpoxy, credential headers redacted and dropped on redirects, a call's secrets in a
 * redactor of its own, proxy URLs checked when the client is made) 0.3 kB more, 15.71 kB. A vendor package is its
 * hand-written quirks plus its generated operation table, which grows with the spec: the budget is a fixed part for
 * the quirks and a part per operation of the table (Spark's 44-operation table weighs about 1.3 kB brotli, 30 bytes
 * an operation). A budget catches growth; the targets stay in the report.
 */
export const BUDGETS = {
  core: 16_000,
  vendorQuirks: 2_500,
  vendorPerOperation: 35,
  // Spark's quirks go beyond the others': multipart uploads, Adaptive Card checks, whole threads, webhook signatures
  // and the Fetch webhook receiver (3.2 kB of its 5.85 kB; its 76-operation table is the rest); then the bot's
  // helpers after issue 25 (`messages.reply`, `ignoreOwn`, `textWithoutMention`, a bot's thread, duplicate webhooks
  // deleted by `ensure`, the hint on a bot's 403), 0.5 kB more.
  quirks: { '@apiclients/spark': 4_000 },
};

/** How many operations a vendor package's generated table holds (its spec's operations). */
function operationCount(dir) {
  const table = join(root, 'generated', dir, 'operations.ts');
  return existsSync(table) ? (readFileSync(table, 'utf8').match(/^ {2}"[^"]+": \{$/gm) ?? []).length : 0;
}

// Node built-ins stay out of a browser bundle (Spark's local-file upload imports node:fs on demand only).
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Minified and minified + brotli size of one entry file, bundled with `external` left out (and esbuild `plugins`,
 * if any), and esbuild's metafile (which input contributed how many bytes). `{ source }` instead of a path bundles
 * that module text (resolved from the repository root), e.g. `export { X } from 'pkg'`.
 */
export async function measureBundle(entry, external = [], plugins = []) {
  const input = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.source, resolveDir: root, loader: 'js' } };
  const result = await build({
    ...input,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: [...NODE_BUILTINS, ...external],
    plugins,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { minified: code.length, brotli, metafile: result.metafile };
}

// Not in any user's bundle: @apiclients/testing starts Prism as a child process in the user's own tests.
const DEV_TOOLS = new Set(['@apiclients/testing']);

/** Every client package under packages/, core first, as `{ dir, name, entry }`; throws when one is not built. */
export function listPackages() {
  const dirs = readdirSync(join(root, 'packages')).sort((a, b) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)));
  return dirs
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => ({ dir, name: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')).name }))
    .filter(({ name }) => !DEV_TOOLS.has(name))
    .map(({ dir, name }) => {
      // Core is measured as the vendor packages use it: its internal entry holds the public one and the binding.
      const entry = join(root, 'packages', dir, 'dist', dir === 'core' ? 'internal.js' : 'index.js');
      if (!existsSync(entry)) throw new Error(`${name}: ${entry} is missing; run \`npm run build\` first`);
      return { dir, name, entry };
    });
}

/**
 * Per package: `total` (everything bundled in: what a user of just this package ships), `withoutOpenapiFetch`
 * (openapi-fetch external), `own` (what the budget counts: core with openapi-fetch external, a vendor with
 * openapi-fetch and @apiclients/core external), its `budget` and whether it is `within` it.
 */
export async function measurePackages() {
  const rows = [];
  for (const pkg of listPackages()) {
    const isCore = pkg.name === '@apiclients/core';
    const total = await measureBundle(pkg.entry);
    const withoutOpenapiFetch = await measureBundle(pkg.entry, ['openapi-fetch']);
    const own = isCore ? withoutOpenapiFetch : await measureBundle(pkg.entry, ['openapi-fetch', '@apiclients/core']);
    const operations = isCore ? 0 : operationCount(pkg.dir);
    const budget = isCore ? BUDGETS.core : (BUDGETS.quirks[pkg.name] ?? BUDGETS.vendorQuirks) + operations * BUDGETS.vendorPerOperation;
    rows.push({ ...pkg, isCore, operations, total, withoutOpenapiFetch, own, budget, within: own.brotli <= budget });
  }
  return rows;
}

/** `1.23 kB` (1 kB = 1 000 bytes). */
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/** The markdown table of {@link measurePackages}' rows. */
export function sizeTable(rows) {
  const lines = [
    '| package | all bundled (min / brotli) | openapi-fetch external (brotli) | budgeted: own code (brotli) | budget | |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${kB(r.total.minified)} / ${kB(r.total.brotli)} | ${kB(r.withoutOpenapiFetch.brotli)} | ${kB(r.own.brotli)} | ` +
        `${r.isCore ? '≤ ' : '≤ +'}${kB(r.budget)}${r.isCore ? '' : ` (${r.operations} operations)`} | ${r.within ? 'ok' : `**over by ${kB(r.own.brotli - r.budget)}**`} |`,
    );
  }
  return lines.join('\n');
}
