#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): what the clients cost at build time.
// 1. `node scripts/generate.mjs --check` (every spec: Redocly lint, openapi-typescript, operation table; --check
//    does all of that work but writes nothing, so generated/ is never touched), and the same steps timed per spec.
// 2. `tsc --noEmit` with the repository's strict settings (a temp tsconfig extending tsconfig.base.json) of a file
//    calling one method of each client (bench/fixtures/all-clients.ts), of each client alone, and of an empty file
//    (tsc's fixed cost: lib.dom, @types/node). Against the built dist/*.d.ts: run `npm run build` first.
// Each figure is the best (lowest wall time) of BENCH_RUNS (3) child processes. Run: npm run bench -- build-cost
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listVendors } from '../scripts/lib/vendors.mjs';
import { measureNode } from './lib/measure-process.mjs';
import { markdownTable, mib, whole } from './lib/table.mjs';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FLAG_SECONDS = 2;

// ── child: the generate steps, timed one by one ─────────────────────────────────────────────────────────────────
if (process.argv[2] === '--generate-steps') {
  const { listSpecs, readSpec } = await import('../scripts/lib/specs.mjs');
  const { lintSpec } = await import('../scripts/lib/lint.mjs');
  const { generateTypes } = await import('../scripts/lib/types.mjs');
  const { buildOperationTable, renderOperationTable } = await import('../scripts/lib/operation-table.mjs');
  const steps = [];
  const timed = async (fn) => {
    const began = performance.now();
    await fn();
    return performance.now() - began;
  };
  for (const { vendor, file } of listSpecs()) {
    steps.push({
      vendor,
      lintMs: await timed(() => lintSpec(file)),
      typesMs: await timed(() => generateTypes(file, '')),
      tableMs: await timed(() => renderOperationTable(buildOperationTable(readSpec(file)), '')),
    });
  }
  process.stdout.write(JSON.stringify(steps));
  process.exit(0);
}

/** The best of RUNS measured runs (lowest wall time). */
async function best(script, args) {
  let bestRun;
  for (let run = 0; run < RUNS; run++) {
    const measured = await measureNode(script, args, { cwd: root });
    if (!bestRun || measured.wallMs < bestRun.wallMs) bestRun = measured;
  }
  return bestRun;
}
const seconds = (ms) => (ms / 1000).toFixed(2);

// 1. Generation.
const generate = await best(join(root, 'scripts', 'generate.mjs'), ['--check']);
const steps = JSON.parse((await measureNode(join(import.meta.dirname, 'build-cost.mjs'), ['--generate-steps'], { cwd: root })).stdout);
console.log(`Build-time costs, best of ${RUNS} runs each; peak memory by ${generate.how} (Node ${process.version})\n`);
console.log(`**Generation** — \`node scripts/generate.mjs --check\` (all ${steps.length} specs; exit ${generate.code}${generate.code ? ': generated/ differs from specs/ right now, the work is the same' : ''})\n`);
console.log(
  markdownTable(
    [{ title: 'step' }, { title: 'wall s', align: 'right' }, { title: 'CPU s', align: 'right' }, { title: 'peak RSS MiB', align: 'right' }],
    [['whole script (in-process, redocly children included)', seconds(generate.wallMs), seconds(generate.cpuMs), mib(generate.maxRssBytes)]],
  ),
);
console.log('\nPer spec, same steps in one process (redocly lint is a child process per spec):\n');
console.log(
  markdownTable(
    [{ title: 'spec' }, { title: 'redocly lint s', align: 'right' }, { title: 'openapi-typescript s', align: 'right' }, { title: 'read spec + operation table ms', align: 'right' }],
    steps.map((s) => [s.vendor, seconds(s.lintMs), seconds(s.typesMs), whole(s.tableMs)]),
  ),
);

// 2. Type-checking.
const tmp = mkdtempSync(join(tmpdir(), 'bench-tsc-'));
// Each vendor with a fixture bench/fixtures/<vendor>.ts (a typed call of its client) is measured alone.
const vendors = listVendors().filter((vendor) => existsSync(join(import.meta.dirname, 'fixtures', `${vendor.name}.ts`)));
const fixtures = [
  ['no client (tsc fixed cost)', 'baseline.ts'],
  ...vendors.map((vendor) => [`${vendor.packageName} alone`, `${vendor.name}.ts`]),
  ['all clients (all-clients.ts)', 'all-clients.ts'],
];
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const rows = fixtures.map(([title, file]) => ({ title, file }));
try {
  for (const row of rows) {
    row.tsconfig = join(tmp, `tsconfig.${row.file}.json`);
    writeFileSync(
      row.tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.base.json'),
        // typeRoots: the temp dir has no node_modules of its own for `types: ["node"]`.
        compilerOptions: { noEmit: true, typeRoots: [join(root, 'node_modules', '@types')] },
        files: [join(import.meta.dirname, 'fixtures', row.file)],
      }),
    );
  }
  await measureNode(tsc, ['-p', rows[0].tsconfig], { cwd: root }); // warm-up: file cache, compile cache
  // Round robin (every fixture once per run), keeping each fixture's best run.
  for (let run = 0; run < RUNS; run++) {
    for (const row of rows) {
      const measured = await measureNode(tsc, ['-p', row.tsconfig, '--extendedDiagnostics'], { cwd: root });
      if (measured.code !== 0) throw new Error(`tsc failed on bench/fixtures/${row.file}:\n${measured.stdout}${measured.stderr}`);
      if (!row.run || measured.wallMs < row.run.wallMs) row.run = measured;
    }
  }
  for (const row of rows) {
    const diag = (name) => Number(new RegExp(`^${name}:\\s*([\\d.]+)`, 'm').exec(row.run.stdout)?.[1] ?? NaN);
    Object.assign(row, { types: diag('Types'), instantiations: diag('Instantiations'), checkS: diag('Check time'), files: diag('Files') });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const baseline = rows[0].run;
console.log(`\n**Type-checking** — \`tsc --noEmit\` with tsconfig.base.json (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess), one file\n`);
console.log(
  markdownTable(
    [{ title: 'file type-checked' }, { title: 'wall s', align: 'right' }, { title: 'vs no client s', align: 'right' }, { title: 'CPU s', align: 'right' }, { title: 'peak RSS MiB', align: 'right' }, { title: 'files', align: 'right' }, { title: 'types', align: 'right' }, { title: 'instantiations', align: 'right' }, { title: 'tsc check time s', align: 'right' }, { title: `> ${FLAG_SECONDS} s?`, align: 'right' }],
    rows.map((r, i) => [
      r.title,
      seconds(r.run.wallMs),
      i === 0 ? '—' : `${r.run.wallMs >= baseline.wallMs ? '+' : ''}${seconds(r.run.wallMs - baseline.wallMs)}`,
      seconds(r.run.cpuMs),
      mib(r.run.maxRssBytes),
      whole(r.files),
      whole(r.types),
      whole(r.instantiations),
      r.checkS.toFixed(2),
      i === 0 ? '—' : r.run.wallMs > FLAG_SECONDS * 1000 ? '**yes**' : 'no',
    ]),
  ),
);
const clients = rows.slice(1, 1 + vendors.length);
const flagged = clients.filter((r) => r.run.wallMs > FLAG_SECONDS * 1000);
const name = (r) => r.title.split(' ')[0];
const own = (r) => `${name(r)} ${seconds(r.run.wallMs)} s (${seconds(r.run.wallMs - baseline.wallMs)} s beyond no client)`;
console.log(
  `\nFlag, a client taking > ${FLAG_SECONDS} s alone: ${flagged.length ? `**flagged** ${flagged.map(own).join(', ')}` : 'none flagged'}. ` +
    `tsc's fixed cost with no client is ${seconds(baseline.wallMs)} s; the most any client adds beyond it is ` +
    `${seconds(Math.max(...clients.map((r) => r.run.wallMs - baseline.wallMs)))} s (tsc's own check time at most ${Math.max(...clients.map((r) => r.checkS)).toFixed(2)} s).`,
);
