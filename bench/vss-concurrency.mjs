#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): a VSS listing of 50 pages from a local server that answers
// each page after 20 ms, serial vs `concurrency: 8`. Run: npm run bench -- vss (after npm run build).
import { createServer } from 'node:http';
import { VssClient } from '@apiclients/vss';

const PAGES = 50;
const PER_PAGE = 10;
const DELAY_MS = 20;
const RUNS = 3;

const server = createServer((req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${server.address().port}`);
  const page = Number(url.searchParams.get('page') ?? '1');
  const next = new URL(url.href);
  next.searchParams.set('page', String(page + 1));
  const body = JSON.stringify({
    data: Array.from({ length: PER_PAGE }, (_, i) => ({ id: (page - 1) * PER_PAGE + i + 1, status: 'PROCESSED', created_on: 'x', updated_on: 'x' })),
    meta: { pages: { page, pages: PAGES, per_page: PER_PAGE, total: PAGES * PER_PAGE, next_url: page < PAGES ? next.href : null } },
  });
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }, DELAY_MS);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const vss = new VssClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, token: 'bench-token' });

async function timeIt(concurrency) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const items = await vss.requests.list('change', { expand: true, per_page: PER_PAGE }, { concurrency }).toArray();
    times.push(performance.now() - started);
    if (items.length !== PAGES * PER_PAGE) throw new Error(`expected ${PAGES * PER_PAGE} items, got ${items.length}`);
  }
  return Math.min(...times);
}

const serial = await timeIt(1);
const concurrent = await timeIt(8);
server.close();
console.log(`VSS listing, ${PAGES} pages × ${PER_PAGE} items, ${DELAY_MS} ms per page, best of ${RUNS} (Node ${process.version})`);
console.log(`| mode | ms | ratio |\n| --- | ---: | ---: |`);
console.log(`| serial (concurrency 1) | ${serial.toFixed(0)} | 1.00× |`);
console.log(`| concurrency 8 | ${concurrent.toFixed(0)} | ${(serial / concurrent).toFixed(2)}× faster |`);
