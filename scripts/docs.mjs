#!/usr/bin/env node
// npm run docs: a documentation site in site/ that works offline. One Redocly page per spec (`<vendor>.html`,
// with a TypeScript snippet of our client per operation, script inlined, then made self-contained by makeOffline), one TypeDoc reference per package
// (`api/<package>/index.html`, from its TSDoc; build the packages first) and an index linking them. Fails if a page
// would still fetch anything from another host when opened.
//
// `node scripts/docs.mjs --out <dir>` writes the site to <dir> instead of site/ (the folder is emptied first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, listSpecs, readSpec, root } from './lib/specs.mjs';
import { makeOffline } from './lib/offline-page.mjs';
import { findOutsideFetches } from './lib/outside-fetches.mjs';
import { buildApiPages, listPackages } from './lib/api-pages.mjs';
import { codeSamples } from './lib/code-samples.mjs';
import { buildOperationTable } from './lib/operation-table.mjs';

const { values: options } = parseArgs({ options: { out: { type: 'string' } } });
const site = resolve(options.out ?? join(root, 'site'));
// The site folder is deleted before each build: never let that be the repository or a folder holding it.
if ((root + sep).startsWith(site + sep)) {
  console.error(`--out ${site} would delete the repository: choose a folder of its own.`);
  process.exit(1);
}

/** Text safe to put in HTML, in content and in attribute values. */
const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** What the index says about an API: `info.summary`, else the first line of `info.description`. */
const summaryOf = (info) => info.summary ?? info.description?.trim().split('\n')[0] ?? '';

/** How many operations a spec has. */
const countOperations = (spec) =>
  Object.values(spec.paths ?? {}).reduce(
    (n, item) => n + Object.keys(item).filter((key) => ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(key)).length,
    0,
  );

/** Builds one spec's page with Redocly, makes it self-contained, and checks that it is. */
function buildPage(file, out) {
  const build = spawnSync(bin('redocly'), ['build-docs', file, '--inlineBundle', '--output', out], {
    cwd: root,
    encoding: 'utf8',
    // redocly.yaml says `telemetry: off` too; the variable also covers the CLI's own usage report.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (build.status !== 0) {
    throw new Error(`redocly build-docs ${relative(root, file)} failed (${build.error?.message ?? `exit ${build.status}`}):\n${build.stdout}${build.stderr}`);
  }
  const html = makeOffline(readFileSync(out, 'utf8'));
  const outside = findOutsideFetches(html);
  if (outside.length) {
    throw new Error(`${relative(root, out)} would still fetch from other hosts when opened:\n  ${outside.join('\n  ')}`);
  }
  writeFileSync(out, html);
}

/** The index's list of packages, each linking its TypeDoc reference. */
const packageItems = (packages) =>
  packages
    .map(
      (pkg) => `    <li>
      <a href="api/${escapeHtml(pkg.short)}/index.html">${escapeHtml(pkg.name)}</a>
      <p>${escapeHtml(pkg.description)}</p>
      <p class="meta">TypeScript API reference · <code>packages/${escapeHtml(pkg.short)}</code></p>
    </li>`,
    )
    .join('\n');

/** The landing page: one entry per API, then one per package. Inline CSS only, so it fetches nothing either. */
function indexPage(apis, packages) {
  const items = apis
    .map(
      (api) => `    <li>
      <a href="${escapeHtml(api.vendor)}.html">${escapeHtml(api.title)}</a>
      <p>${escapeHtml(api.summary)}</p>
      <p class="meta">${api.operations} operation${api.operations === 1 ? '' : 's'} · version ${escapeHtml(api.version)} · <code>specs/${escapeHtml(api.vendor)}.yaml</code></p>
    </li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>apiclients API reference</title>
  <style>
    :root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6478; --line: #d8dce5; --link: #2450b2; --bg: #fff; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e6e8ee; --muted: #a0a8ba; --line: #39404f; --link: #8fb0ff; --bg: #161a22; } }
    body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 46rem; margin: 3rem auto; padding: 0 1.25rem; }
    h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 0; }
    ul { list-style: none; padding: 0; }
    li { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin: 1rem 0; }
    li p { margin: .35rem 0 0; }
    a { color: var(--link); font-weight: 600; font-size: 1.1rem; text-decoration: none; }
    a:hover, a:focus { text-decoration: underline; }
    .meta { color: var(--muted); font-size: .875rem; }
  </style>
</head>
<body>
  <h1>apiclients API reference</h1>
  <p>Typed TypeScript clients for vendor HTTP APIs, each built from a hand-written OpenAPI 3.1 spec. These pages document those specs and the TypeScript API of each package, and work offline.</p>
  <h2>HTTP APIs</h2>
  <ul>
${items}
  </ul>
  <h2>Packages</h2>
  <ul>
${packageItems(packages)}
  </ul>
</body>
</html>
`;
}

const size = (file) => `${Math.round(statSync(file).size / 1024)} KiB`;

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const apis = [];
// Each spec gets, in a copy for its page, a TypeScript snippet per operation calling our client (x-codeSamples).
const withSamples = mkdtempSync(join(tmpdir(), 'apiclients-docs-'));
for (const { vendor, file } of listSpecs()) {
  const spec = readSpec(file);
  const out = join(site, `${vendor}.html`);
  try {
    const samples = codeSamples(spec, buildOperationTable(spec), vendor);
    for (const row of buildOperationTable(spec)) {
      spec.paths[row.path][row.verb]['x-codeSamples'] = [{ lang: 'TypeScript', label: `@apiclients/${vendor}`, source: samples[row.operationId] }];
    }
    const copy = join(withSamples, `${vendor}.json`);
    writeFileSync(copy, JSON.stringify(spec));
    buildPage(copy, out);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  apis.push({ vendor, title: spec.info.title, version: spec.info.version, summary: summaryOf(spec.info), operations: countOperations(spec) });
  console.log(`wrote ${relative(root, out)} (${size(out)}): ${spec.info.title}`);
}
rmSync(withSamples, { recursive: true, force: true });

const packages = listPackages();
for (const pkg of packages) {
  const out = join(site, 'api', pkg.short);
  try {
    buildApiPages(pkg, out);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`wrote ${relative(root, join(out, 'index.html'))}: ${pkg.name}`);
}

const index = join(site, 'index.html');
writeFileSync(index, indexPage(apis, packages));
console.log(`wrote ${relative(root, index)} (${apis.length} API${apis.length === 1 ? '' : 's'}, ${packages.length} package${packages.length === 1 ? '' : 's'})`);
