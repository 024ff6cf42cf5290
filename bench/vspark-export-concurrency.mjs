#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): the V-Spark status export (`exportStatus`, in-memory sink) of
// 200 folders from a local fake V-Spark that answers each folder's status after 20 ms, at concurrency 1, 4 (the
// default) and 8. The VSS half of the story is bench/vss-concurrency.mjs. Run: npm run bench -- vspark
import { createServer } from 'node:http';
import { VSparkClient, exportStatus } from '@apiclients/vspark';
import { markdownTable, verdict } from './lib/table.mjs';

const COMPANIES = 4;
const ORGS_PER_COMPANY = 5;
const FOLDERS_PER_ORG = 10; // 4 × 5 × 10 = 200 folders
const DELAY_MS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const ROOT_TOKEN = 'bench-root-token';
const tokenOf = (company) => `bench-token-${company}`;
const FOLDER_STATUS = {
  mode: 'active',
  servers: { srvr1: 'OK' },
  jobmgr: { '192.168.150.71': { numerrs: 0, timestamp: '2019-06-24_18:45:58', hostname: 'srvr2', numtranscoding: 0, version: '2.4.0-0', starttime: '2019-06-21_20:25:07', numdecoding: 0 } },
  queued: { count: 0, lastactive: '2019-06-24T18:36:15.000Z' },
};

const companies = Array.from({ length: COMPANIES }, (_, c) => `Co${c}`);
const tree = Object.fromEntries(companies.map((co) => [
  co,
  Object.fromEntries(Array.from({ length: ORGS_PER_COMPANY }, (_, o) => [
    `${co}-Org${o}`,
    Object.fromEntries(Array.from({ length: FOLDERS_PER_ORG }, (_, f) => [`Folder${f}`, { mode: 'active' }])),
  ])),
]));
const FOLDERS = COMPANIES * ORGS_PER_COMPANY * FOLDERS_PER_ORG;

let inFlight = 0;
let maxInFlight = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://fake');
  const token = url.searchParams.get('token');
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/config') {
    return json(200, Object.fromEntries(companies.map((co) => [co, { uuid: tokenOf(co), name: `${co} Inc`, status: 'OK' }])));
  }
  if (url.pathname === '/config/folders') return json(200, tree);
  const [, status, co] = url.pathname.split('/');
  if (status !== 'status' || token !== tokenOf(co)) return json(401, { error: 'Unauthorized' });
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  setTimeout(() => {
    inFlight--;
    json(200, FOLDER_STATUS);
  }, DELAY_MS);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = new VSparkClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, token: ROOT_TOKEN });

async function timeIt(concurrency) {
  const times = [];
  maxInFlight = 0;
  for (let run = 0; run < RUNS; run++) {
    const files = new Map();
    const started = performance.now();
    const result = await exportStatus({ client, format: 'json', concurrency, write: async (name, bytes) => void files.set(name, bytes) });
    times.push(performance.now() - started);
    if (result.failed.length || files.size !== FOLDERS) throw new Error(`expected ${FOLDERS} files, got ${files.size} (${result.failed.length} failed)`);
  }
  return { ms: Math.min(...times), maxInFlight };
}

await timeIt(8); // warm-up: connections, JIT
const rows = [];
for (const concurrency of [1, 4, 8]) rows.push({ concurrency, ...(await timeIt(concurrency)) });
server.close();
const serial = rows[0].ms;
console.log(`V-Spark status export (JSON, in-memory sink), ${FOLDERS} folders, ${DELAY_MS} ms per folder status, best of ${RUNS} (Node ${process.version})\n`);
console.log(
  markdownTable(
    [{ title: 'concurrency' }, { title: 'ms', align: 'right' }, { title: 'speed-up', align: 'right' }, { title: 'ideal', align: 'right' }, { title: 'most requests in flight', align: 'right' }],
    rows.map((r) => [`${r.concurrency}${r.concurrency === 4 ? ' (default)' : ''}`, r.ms.toFixed(0), `${(serial / r.ms).toFixed(2)}×`, `${r.concurrency}×`, String(r.maxInFlight)]),
  ),
);
const speedUp = serial / rows[2].ms;
console.log(`\nTarget: ≥ 5× at concurrency 8 — ${verdict(speedUp >= 5, `${speedUp.toFixed(2)}×; floor ${FOLDERS} × ${DELAY_MS} ms / 8 = ${(FOLDERS * DELAY_MS / 8).toFixed(0)} ms`)}`);
