#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): streaming a long list. A local server (this process) serves
// Spark-style `GET /rooms?max=100` pages with `Link: <…>; rel="next"`; 10 000 items (100 pages) and 100 000 items
// (1 000 pages). Ours is `for await (const room of spark.rooms.list({ max: 100 }))` (items consumed as they come,
// never collected); the other is a hand-written fetch loop following the Link header. Every run is a fresh child
// process (so peaks don't mix), which reports its time and `process.resourceUsage().maxRSS`; a child that only
// imports the client and sends one request gives the baseline. Run: npm run bench -- pagination
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { roomNumber } from './lib/fixtures.mjs';
import { markdownTable, median, mib, ratioToFastest, whole } from './lib/table.mjs';

const PER_PAGE = 100;
const SIZES = [10_000, 100_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TOKEN = 'bench-access-token';
const self = fileURLToPath(import.meta.url);

// ── child: one listing, then its figures as JSON on stdout ──────────────────────────────────────────────────────
if (process.argv[2] === '--child') {
  const [, , , contender, baseUrl, total] = process.argv;
  const { SparkClient } = await import('@apiclients/spark');
  const { nextLink } = await import('@apiclients/core');
  const headers = { authorization: `Bearer ${TOKEN}` };
  let count = 0;
  let titleChars = 0;
  const consume = (room) => {
    count++;
    titleChars += room.title.length;
  };
  const spark = new SparkClient({ accessToken: TOKEN, baseUrl });
  // Both contenders have fetch, the client and the Link parser loaded and one connection warm before timing.
  await (await fetch(`${baseUrl}/rooms?max=1`, { headers })).arrayBuffer();
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  if (contender === 'ours') {
    for await (const room of spark.rooms.list({ max: PER_PAGE })) consume(room);
  } else if (contender === 'hand') {
    let url = `${baseUrl}/rooms?max=${PER_PAGE}`;
    while (url) {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`${response.status} on ${url}`);
      const { items } = await response.json();
      for (const room of items) consume(room);
      const next = nextLink(response.headers.get('link'));
      url = next && new URL(next, url).href;
    }
  }
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  if (contender !== 'idle' && count !== Number(total)) throw new Error(`expected ${total} items, got ${count} (${titleChars})`);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}

// ── parent: the server, and one child per run ───────────────────────────────────────────────────────────────────
// `/t<total>/rooms?max=<n>&cursor=<i>`: rooms i … i+n-1 of <total>, linking on while any remain.
const server = createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const total = Number(/^\/t(\d+)\//.exec(url.pathname)?.[1] ?? 0);
  const max = Number(url.searchParams.get('max') ?? PER_PAGE);
  const cursor = Number(url.searchParams.get('cursor') ?? 0);
  const items = [];
  for (let i = cursor; i < Math.min(total, cursor + max); i++) items.push(roomNumber(i));
  const headers = { 'content-type': 'application/json' };
  if (cursor + max < total) {
    const next = new URL(url.href);
    next.searchParams.set('cursor', String(cursor + max));
    headers.link = `<${next.href}>; rel="next"`;
  }
  res.writeHead(200, headers);
  res.end(JSON.stringify({ items }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** One child run (spawned asynchronously: this process serves it meanwhile). */
async function runChild(contender, total) {
  const child = spawn(process.execPath, [self, '--child', contender, `${origin}/t${total}`, String(total)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`child ${contender} ${total} exited with ${code}`);
  return JSON.parse(out);
}

const contenders = [
  { key: 'hand', name: 'hand-written fetch loop (Link header)' },
  { key: 'ours', name: '**@apiclients/spark** `for await (… of rooms.list({ max: 100 }))`' },
];
const idle = [];
for (let run = 0; run < RUNS; run++) idle.push((await runChild('idle', 0)).maxRssBytes);
const rows = [];
for (const total of SIZES) {
  const runs = new Map(contenders.map((c) => [c.key, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const c of run % 2 ? [...contenders].reverse() : contenders) runs.get(c.key).push(await runChild(c.key, total));
  }
  const figures = contenders.map((c) => ({
    c,
    ms: median(runs.get(c.key).map((r) => r.ms)),
    cpuMs: median(runs.get(c.key).map((r) => r.cpuMs)),
    rss: median(runs.get(c.key).map((r) => r.maxRssBytes)),
  }));
  const fastest = Math.min(...figures.map((f) => f.ms));
  for (const f of figures) {
    rows.push([
      `${whole(total)} (${whole(total / PER_PAGE)} pages)`,
      f.c.name,
      whole(f.ms),
      whole((total * 1000) / f.ms),
      ratioToFastest(f.ms, fastest),
      whole(f.cpuMs),
      mib(f.rss),
      mib(f.rss - median(idle)),
    ]);
  }
}
server.close();
console.log(`Listing rooms at ${PER_PAGE} per page from a local server; each run a fresh child process, median of ${RUNS} (Node ${process.version})`);
console.log(`Baseline child (client imported, one request, no listing): peak RSS ${mib(median(idle))} MiB\n`);
console.log(
  markdownTable(
    [{ title: 'items' }, { title: 'contender' }, { title: 'ms', align: 'right' }, { title: 'items/s', align: 'right' }, { title: 'time vs fastest', align: 'right' }, { title: 'CPU ms', align: 'right' }, { title: 'peak RSS MiB', align: 'right' }, { title: 'over baseline MiB', align: 'right' }],
    rows,
  ),
);
