/**
 * Property 5, under load: 10 000 requests, 100 in flight, spread over the four vendor clients (one client each),
 * against the fault server answering 5 % of attempts with a 503 or a connection reset (a seeded choice). Every
 * request ends in success or a typed error, none is lost or duplicated (the server counts each request's id),
 * memory stays flat and no handle is left open. The figures are printed for test/reliability/README.md.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { ApiClientError } from '@apiclients/core';
import { reply, startFaultServer } from './support/fault-server.js';
import { until } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const REQUESTS = 10_000;
const IN_FLIGHT = 100;
const FAULT_RATE = 0.05;
const MAX_RETRIES = 2;

// A small seeded generator (mulberry32): the same faults on every run.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A real garbage collection without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const countsOf = (names: string[]) => names.reduce<Record<string, number>>((out, n) => ({ ...out, [n]: (out[n] ?? 0) + 1 }), {});

it('10 000 requests, 100 in flight, 5 % faults: none lost or duplicated, memory flat, no handle left', async () => {
  const handlesBefore = countsOf(process.getActiveResourcesInfo());
  // The server keeps no log of its own here (10 000 requests would weigh on the heap measured): it counts ids.
  const server = await startFaultServer({ keepRequests: false });
  const random = seeded(20261125);
  const attempts = new Map<string, number>();
  const answered = new Map<string, number>();
  const faults = { '503': 0, reset: 0 };
  server.fallback = (request) => {
    const rid = new URL(request.url, server.url).searchParams.get('rid') ?? 'none';
    attempts.set(rid, (attempts.get(rid) ?? 0) + 1);
    if (random() < FAULT_RATE) {
      const kind = random() < 0.5 ? '503' : 'reset';
      faults[kind]++;
      return kind === '503' ? reply.status(503) : reply.resetBeforeHeaders();
    }
    answered.set(rid, (answered.get(rid) ?? 0) + 1);
    return reply.json({ rid, data: { rid } });
  };
  const callers = VENDORS.map((vendor) => vendor.get.bind(server.url, { maxRetries: MAX_RETRIES, timeoutMs: 30_000 }));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const heapBefore = heapAfterGc();
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();

  const outcomes = new Map<string, string>();
  let next = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const rid = `r${index}`;
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        const result = (await callers[index % callers.length]!({ extraParams: { rid } })) as { rid?: string; data?: { rid?: string } };
        // The answer belongs to this request (no crossed wires between concurrent requests).
        const echoed = result.rid ?? result.data?.rid;
        if (outcomes.has(rid)) throw new Error(`request ${rid} settled twice`);
        outcomes.set(rid, echoed === rid ? 'ok' : `wrong answer ${echoed}`);
      } catch (error) {
        outcomes.set(rid, error instanceof ApiClientError ? error.name : `untyped ${String(error)}`);
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  server.fallback = () => reply.json({});
  const heapAfter = heapAfterGc();
  const rssAfter = process.memoryUsage().rss;

  // Closing the server ends the keep-alive sockets; then the process holds what it held before.
  await server.close();
  const deadline = Date.now() + 10_000;
  await until(() => (countsOf(process.getActiveResourcesInfo()).TCPSocketWrap ?? 0) <= (handlesBefore.TCPSocketWrap ?? 0) || Date.now() > deadline);
  const handlesAfter = countsOf(process.getActiveResourcesInfo());

  const byOutcome = countsOf([...outcomes.values()]);
  const totalAttempts = [...attempts.values()].reduce((a, b) => a + b, 0);
  const figures = {
    requests: REQUESTS,
    mostInFlight,
    attempts: totalAttempts,
    faultsInjected: { ...faults, total: faults['503'] + faults.reset, rate: `${((100 * (faults['503'] + faults.reset)) / totalAttempts).toFixed(2)} %` },
    outcomes: byOutcome,
    seconds,
    peakRssMb: mb(peakRss),
    rssMb: { before: mb(rssBefore), after: mb(rssAfter) },
    heapAfterGcMb: { before: mb(heapBefore), after: mb(heapAfter), growth: mb(heapAfter - heapBefore) },
    handles: { before: handlesBefore, after: handlesAfter },
  };
  console.log(`load figures ${JSON.stringify(figures, null, 2)}`);

  // Every request settled exactly once, in success or a typed error.
  expect(outcomes.size).toBe(REQUESTS);
  expect(Object.keys(byOutcome).filter((k) => k.startsWith('untyped') || k.startsWith('wrong'))).toEqual([]);
  expect(mostInFlight).toBe(IN_FLIGHT);
  // The server saw every request, none more than maxRetries + 1 times, and answered each success exactly once.
  expect(attempts.size).toBe(REQUESTS);
  for (const [rid, outcome] of outcomes) {
    expect(attempts.get(rid)).toBeLessThanOrEqual(MAX_RETRIES + 1);
    expect(answered.get(rid) ?? 0).toBe(outcome === 'ok' ? 1 : 0);
  }
  expect(faults['503'] + faults.reset).toBeGreaterThan(0.03 * totalAttempts);
  // Memory flat: what is still reachable after a full GC grew by less than a generous 40 MB.
  expect(heapAfter - heapBefore).toBeLessThan(40 * 1024 * 1024);
  // No handle left: no more sockets or timers than before the server started.
  expect(handlesAfter.TCPSocketWrap ?? 0).toBeLessThanOrEqual(handlesBefore.TCPSocketWrap ?? 0);
  expect(handlesAfter.Timeout ?? 0).toBeLessThanOrEqual(handlesBefore.Timeout ?? 0);
}, 180_000);
