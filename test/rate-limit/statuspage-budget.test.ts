/**
 * Issue 19's budget, at a scale `npm test` can afford: a fake Statuspage enforcing 10 requests/second per key
 * over a rolling 2 s window (420 + Retry-After beyond it), 40 component updates from one process, then from four
 * processes sharing the budget through a real redis-server. With the limiter: no 420, every update applied exactly
 * once, the run within 10 % of 40 / rate. Without it: the 420s it avoids. Redis stopped mid-run: the calls go on,
 * one warning, nothing lost; no key in Redis holds the token. (bench/rate-limit.mjs runs the issue's full
 * 120 updates at Statuspage's own 1/second.)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { redisStore } from '@apiclients/core/redis';
import { StatuspageClient } from '@apiclients/statuspage';
import { startFakeStatuspage } from './support/fake-statuspage.mjs';
import { redisServerPath, startRedis } from './support/redis-server.mjs';

const RATE = { requests: 10, perMs: 1_000, windowMs: 2_000 };
const COUNT = 40;
const ideal = (COUNT / RATE.requests) * RATE.perMs;
const worker = fileURLToPath(new URL('./support/update-components.mjs', import.meta.url));
const run = promisify(execFile);
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `c${from + i}`);

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fake() {
  const server = await startFakeStatuspage(RATE);
  cleanups.push(server.close);
  return server;
}

async function workers(baseUrl: string, redisPort: number | '-', groups: string[][]) {
  const outputs = await Promise.all(
    groups.map((group) => run(process.execPath, [worker, baseUrl, String(redisPort), String(RATE.requests), String(RATE.perMs), String(RATE.windowMs), ...group])),
  );
  return outputs.map(({ stdout }) => JSON.parse(stdout) as { ok: number; failed: string[]; warnings: string[] });
}

function expectEachAppliedOnce(updates: Map<string, number>) {
  expect(updates.size).toBe(COUNT);
  expect([...updates.values()].every((n) => n === 1)).toBe(true);
}

const span = (arrivals: number[]) => (arrivals.at(-1) as number) - (arrivals[0] as number);

describe('the Statuspage budget from one process', () => {
  it('sends 40 updates with no 420, each once, within 10 % of 40 / rate', async () => {
    const server = await fake();
    const sp = new StatuspageClient({ apiKey: 'one-process-key', pageId: 'page1', baseUrl: server.baseUrl, rateLimit: RATE });
    await Promise.all(ids(0, COUNT).map((id) => sp.components.update(id, { status: 'major_outage' })));
    expect(server.refused).toBe(0);
    expectEachAppliedOnce(server.updates);
    expect(Math.abs(span(server.arrivals) - ideal)).toBeLessThanOrEqual(ideal * 0.1);
  });

  it('without the limiter, meets the 420s it would have avoided', async () => {
    const server = await fake();
    const sp = new StatuspageClient({ apiKey: 'one-process-key', pageId: 'page1', baseUrl: server.baseUrl, rateLimit: false, maxRetries: 0 });
    const results = await Promise.allSettled(ids(0, COUNT).map((id) => sp.components.update(id, { status: 'major_outage' })));
    expect(server.refused).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(server.refused);
  });
});

describe.skipIf(redisServerPath() === null)('the Statuspage budget shared through a real redis-server', () => {
  async function redis() {
    const started = await startRedis();
    cleanups.push(started.stop);
    return started;
  }

  it('sends 40 updates from four processes with no 420, each once, within 10 % of 40 / rate', async () => {
    const server = await fake();
    const { port } = await redis();
    const results = await workers(server.baseUrl, port, [ids(0, 10), ids(10, 10), ids(20, 10), ids(30, 10)]);
    expect(results.map((r) => r.ok)).toEqual([10, 10, 10, 10]);
    expect(server.refused).toBe(0);
    expectEachAppliedOnce(server.updates);
    expect(Math.abs(span(server.arrivals) - ideal)).toBeLessThanOrEqual(ideal * 0.1);
  });

  it('shares one budget between an ioredis and a node-redis client', async () => {
    const server = await fake();
    const { port } = await redis();
    const io = new Redis(port, '127.0.0.1');
    const node = createClient({ url: `redis://127.0.0.1:${port}` });
    await node.connect();
    cleanups.push(async () => (io.disconnect(), await node.close()));
    const client = (store: ReturnType<typeof redisStore>) =>
      new StatuspageClient({ apiKey: 'two-libraries-key', pageId: 'page1', baseUrl: server.baseUrl, rateLimit: { ...RATE, store } });
    const [a, b] = [client(redisStore(io)), client(redisStore(node))];
    await Promise.all(ids(0, 20).map((id, i) => (i % 2 ? a : b).components.update(id, { status: 'major_outage' })));
    expect(server.refused).toBe(0);
    expect(server.updates.size).toBe(20);
    // 20 turns of 105 ms: one budget, not two.
    expect(span(server.arrivals)).toBeGreaterThanOrEqual(19 * 105);
  });

  it('four processes each limiting only themselves meet 420s (what Redis coordinates)', async () => {
    const server = await fake();
    await workers(server.baseUrl, '-', [ids(0, 10), ids(10, 10), ids(20, 10), ids(30, 10)]);
    expect(server.refused).toBeGreaterThan(0);
  });

  it('keeps no token in Redis: every key is a hash-tagged SHA-256 with an expiry', async () => {
    const server = await fake();
    const { port } = await redis();
    const client = new Redis(port, '127.0.0.1');
    cleanups.push(async () => client.disconnect());
    // Keys expire with their window, which a busy machine may outlast: they are read while the workers run.
    const seen = new Map<string, { pttl: number; value: string | null }>();
    let running = true;
    const run = workers(server.baseUrl, port, [ids(0, 3)]).finally(() => (running = false));
    while (running) {
      let cursor = '0';
      do {
        const [next, found] = await client.scan(cursor, 'MATCH', '*');
        for (const key of found) if (!seen.has(key)) seen.set(key, { pttl: await client.pttl(key), value: await client.get(key) });
        cursor = next;
      } while (cursor !== '0');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await run;
    expect([...seen.values()].some(({ pttl }) => pttl > 0)).toBe(true);
    for (const [key, { pttl, value }] of seen) {
      expect(key).toMatch(/^apiclients:rate:\{[0-9a-f]{64}\}:\*$/);
      expect(key).not.toContain('worker-shared-key');
      // -2: gone between SCAN and PTTL (expired, as it should); otherwise it must carry an expiry.
      if (pttl !== -2) {
        expect(pttl).toBeGreaterThan(0);
        expect(value).toMatch(/^\d+$/);
      }
    }
  });

  it('goes on when Redis stops mid-run: limits in the process, warns once, loses nothing', async () => {
    const server = await fake();
    const redisServer = await redis();
    const client = new Redis(redisServer.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    client.on('error', () => {});
    cleanups.push(async () => client.disconnect());
    const warnings: string[] = [];
    const logger = { debug() {}, warn: (line: string) => warnings.push(line) };
    const sp = new StatuspageClient({
      apiKey: 'stopping-key',
      pageId: 'page1',
      baseUrl: server.baseUrl,
      rateLimit: { ...RATE, store: redisStore(client, { timeoutMs: 300 }) },
      logger,
    });
    const updates = ids(0, 20).map((id) => sp.components.update(id, { status: 'major_outage' }));
    setTimeout(() => void redisServer.stop(), 800);
    const results = await Promise.allSettled(updates);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect([...server.updates.values()].every((n) => n === 1)).toBe(true);
    expect(server.updates.size).toBe(20);
    const storeWarnings = warnings.filter((w) => w.startsWith('rate limit store failed'));
    expect(storeWarnings).toHaveLength(1);
    expect(storeWarnings[0]).not.toContain('stopping-key');
  });
});

if (redisServerPath() === null) {
  describe('the Statuspage budget shared through Redis', () => {
    it.skip('needs redis-server (Debian package `redis-server`, installed by .ci/run): not found on PATH', () => {});
  });
}
