#!/usr/bin/env node
// Benchmark (prints figures; never a timed test) for issue 19's rate limiter.
// 1. Throughput against a fake Statuspage enforcing its documented limit (1 request/second per key over a rolling
//    60 s window, 420 + Retry-After beyond it): the issue's 120 component updates from one process, then from four
//    processes sharing the key's budget through a real redis-server; requests/second achieved vs allowed (target
//    ≥ 95 % with four processes), 420s met, each update applied once. Then the same 120 at once without the
//    limiter, for the 420s it avoids. Needs redis-server (Debian `redis-server`); about 4 minutes.
//    RATE_LIMIT_BENCH_SCALE=10 runs it ten times faster (10 requests/second over a 6 s window).
// 2. What the limiter costs a call when it is off or never waits: a Statuspage update with fetch stubbed, in
//    interleaved rounds (bench/lib/interleaved.mjs).
// Run: npm run build && npm run bench -- rate-limit
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { StatuspageClient } from '@apiclients/statuspage';
import { startFakeStatuspage } from '../test/rate-limit/support/fake-statuspage.mjs';
import { redisServerPath, startRedis } from '../test/rate-limit/support/redis-server.mjs';
import { interleaved } from './lib/interleaved.mjs';
import { markdownTable, verdict, whole } from './lib/table.mjs';

const scale = Number(process.env.RATE_LIMIT_BENCH_SCALE ?? 1);
const RATE = { requests: 1 * scale, perMs: 1_000, windowMs: 60_000 / scale };
const COUNT = 120;
const worker = fileURLToPath(new URL('../test/rate-limit/support/update-components.mjs', import.meta.url));
const run = promisify(execFile);
const ids = (from, n) => Array.from({ length: n }, (_, i) => `c${from + i}`);

async function throughput(label, processes, redisPort) {
  const server = await startFakeStatuspage(RATE);
  const per = COUNT / processes;
  const began = performance.now();
  const outputs = await Promise.all(
    Array.from({ length: processes }, (_, p) =>
      run(process.execPath, [worker, server.baseUrl, String(redisPort), String(RATE.requests), String(RATE.perMs), String(RATE.windowMs), ...ids(p * per, per)], { maxBuffer: 1 << 20 }),
    ),
  );
  const wallMs = performance.now() - began;
  await server.close();
  const results = outputs.map(({ stdout }) => JSON.parse(stdout));
  const spanMs = server.arrivals.at(-1) - server.arrivals[0];
  const achieved = ((COUNT - 1) * 1000) / spanMs;
  const allowed = (RATE.requests * 1000) / RATE.perMs;
  const once = server.updates.size === COUNT && [...server.updates.values()].every((n) => n === 1);
  return { label, wallMs, spanMs, achieved, allowed, refused: server.refused, once, ok: results.reduce((n, r) => n + r.ok, 0) };
}

console.log(`### Throughput against a fake Statuspage limit: ${RATE.requests}/s per key over a rolling ${RATE.windowMs / 1000} s window, ${COUNT} updates\n`);
const rows = [await throughput('one process, in-process limiter', 1, '-')];
if (redisServerPath()) {
  const redis = await startRedis();
  try {
    rows.push(await throughput('four processes sharing Redis', 4, redis.port));
  } finally {
    await redis.stop();
  }
} else {
  console.log('(four processes sharing Redis: skipped, redis-server is not installed — Debian package `redis-server`)\n');
}
console.log(
  markdownTable(
    [{ title: 'run' }, { title: 'first→last request', align: 'right' }, { title: 'ideal (count / rate)', align: 'right' }, { title: 'req/s achieved', align: 'right' }, { title: '% of allowed', align: 'right' }, { title: '420s', align: 'right' }, { title: 'each applied once', align: 'right' }],
    rows.map((r) => [r.label, `${(r.spanMs / 1000).toFixed(1)} s`, `${(COUNT / r.allowed).toFixed(0)} s`, r.achieved.toFixed(3), `${((r.achieved / r.allowed) * 100).toFixed(1)} %`, String(r.refused), r.once && r.ok === COUNT ? 'yes' : '**no**']),
  ),
);
const shared = rows[1];
if (shared) console.log(`\nTarget: ≥ 95 % of the allowed rate with four processes sharing Redis — ${verdict(shared.achieved / shared.allowed >= 0.95 && shared.refused === 0, `${((shared.achieved / shared.allowed) * 100).toFixed(1)} %, ${shared.refused} 420s`)}`);

// Without the limiter: the 120 at once, each 420 thrown (maxRetries 0), to count what the limiter avoids.
{
  const server = await startFakeStatuspage(RATE);
  const sp = new StatuspageClient({ apiKey: 'bench-key', pageId: 'page1', baseUrl: server.baseUrl, rateLimit: false, maxRetries: 0 });
  await Promise.allSettled(ids(0, COUNT).map((id) => sp.components.update(id, { status: 'major_outage' })));
  await server.close();
  console.log(`\nWithout the limiter, the same ${COUNT} updates at once: ${server.refused} answered 420 (each would wait out its own Retry-After of up to ${RATE.windowMs / 1000} s).`);
}

// The limiter's cost per call when it is off or never waits.
const BATCH = Number(process.env.BENCH_BATCH ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const stubFetch = () => new Promise((resolve) => process.nextTick(() => resolve(Response.json({ id: 'c1', status: 'major_outage' }))));
const client = (rateLimit) => new StatuspageClient({ apiKey: 'bench-key', pageId: 'page1', baseUrl: 'https://api.statuspage.io/v1', fetch: stubFetch, rateLimit });
const off = client(false);
const neverWaits = client({ requests: 1e12, perMs: 1_000 });
const contenders = [
  { name: '`rateLimit: false`', op: () => off.components.update('c1', { status: 'major_outage' }) },
  { name: 'limiter on, never waits', op: () => neverWaits.components.update('c1', { status: 'major_outage' }) },
];
const results = await interleaved(contenders, { batch: BATCH, rounds: ROUNDS });
console.log(`\n### The limiter's cost per call: a component update with fetch stubbed (next tick), ${ROUNDS} interleaved rounds × ${whole(BATCH)} calls, median round\n`);
console.log(
  markdownTable(
    [{ title: 'client' }, { title: 'µs/call', align: 'right' }, { title: 'rounds min–max µs/call', align: 'right' }, { title: 'CPU µs/call', align: 'right' }],
    results.map((r) => [r.name, (1e6 / r.opsPerSecond).toFixed(1), `${(1e6 / r.max).toFixed(1)}–${(1e6 / r.min).toFixed(1)}`, r.cpuMicros.toFixed(1)]),
  ),
);
const [offResult, onResult] = results;
const extra = 1e6 / onResult.opsPerSecond - 1e6 / offResult.opsPerSecond;
const spread = 1e6 / offResult.min - 1e6 / offResult.max;
console.log(`\nTarget: within the benchmark's resolution — ${verdict(extra <= spread, `${extra.toFixed(1)} µs more per call; rounds of the same client spread over ${spread.toFixed(1)} µs`)}`);
