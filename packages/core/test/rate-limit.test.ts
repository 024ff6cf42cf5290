/**
 * The rate limiter under the transport: requests of one credential are paced in order, wait honouring their
 * signal and their own timeout, a rate-limit answer pauses them all, a failing shared store fails open with one
 * warning, and 10 000 waiting calls hold flat memory. Pacing is measured with real timers over short budgets.
 */
import { describe, expect, it } from 'vitest';
import {
  authorization,
  bindOperations,
  ConfigurationError,
  createTransport,
  memoryStore,
  RateLimiter,
  RequestAbortedError,
  spacingMs,
  TimeoutError,
  transportOptionsFrom,
  Redactor,
  type RateLimitStore,
  type RateLimitRule,
} from '../src/internal.js';
import { fakeFetch } from './support/fake-fetch.js';
import { collectGarbage } from './support/gc.js';

const URL_ = 'https://api.example.test/v1/things';
const credential = authorization('Bearer', 'secret-token');

function limiter(rule: RateLimitRule | null, options: ConstructorParameters<typeof RateLimiter>[1] = {}, logger?: { debug(m: string): void; warn(m: string): void }) {
  return new RateLimiter({ rule, rateLimitStatuses: [429, 420], fallbackMs: 1_000, logger }, options);
}

/** A fetch that answers 200 and records when each request was sent. */
function timedFetch() {
  const sentAt: number[] = [];
  const fake = fakeFetch(() => new Response('{}', { status: 200 }));
  const fetch = (url: string, init: RequestInit) => {
    sentAt.push(performance.now());
    return fake.fetch(url, init);
  };
  return { fetch, sentAt };
}

describe('spacingMs', () => {
  it('paces evenly and keeps one request of each window in hand', () => {
    expect(spacingMs({ requests: 1, perMs: 1_000, windowMs: 60_000 })).toBeCloseTo(60_000 / 59);
    expect(spacingMs({ requests: 10, perMs: 1_000 })).toBeCloseTo(1_000 / 9);
    expect(spacingMs({ requests: 1, perMs: 60_000 })).toBe(60_000);
  });
});

describe('the rate limiter in the transport', () => {
  it('paces the requests of a credential, in order', async () => {
    const { fetch, sentAt } = timedFetch();
    const order: number[] = [];
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 20, perMs: 1_000 }) });
    const started = performance.now();
    await Promise.all([0, 1, 2, 3, 4].map((i) => transport.exchange({ method: 'GET', url: `${URL_}/${i}` }).then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    // 20 a second, one kept in hand: a turn every 52.6 ms, counted from the start (a timer never fires early; a
    // busy machine may send any request late, which can shorten a gap but never the whole run).
    expect((sentAt[4] as number) - started).toBeGreaterThanOrEqual(4 * 52.6 - 15);
  });

  it('gives each credential its own budget', async () => {
    const { fetch, sentAt } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 1, perMs: 10_000 }) });
    await transport.exchange({ method: 'GET', url: URL_ });
    const other = { credential: authorization('Bearer', 'other-token') };
    await transport.exchange({ method: 'GET', url: URL_ }, other);
    expect(sentAt).toHaveLength(2);
  });

  it('lets no-credential requests through (an anonymous token exchange has no budget)', async () => {
    const { fetch } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 1, perMs: 60_000 }) });
    await transport.exchange({ method: 'GET', url: URL_ });
    await transport.exchange({ method: 'GET', url: URL_ }, { credential: null });
  });

  it('counts an operation\'s own budget on top of the credential\'s', async () => {
    const { fetch, sentAt } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 100, perMs: 1_000 }) });
    const strict = { rateLimit: { name: 'components.list', rule: { requests: 1, perMs: 200 } } };
    const started = performance.now();
    await Promise.all([transport.exchange({ method: 'GET', url: URL_ }, strict), transport.exchange({ method: 'GET', url: URL_ }, strict)]);
    expect((sentAt[1] as number) - started).toBeGreaterThanOrEqual(195);
  });

  it('stops waiting when the call is aborted, sending nothing', async () => {
    const { fetch, sentAt } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 1, perMs: 60_000 }) });
    await transport.exchange({ method: 'GET', url: URL_ });
    const controller = new AbortController();
    const queued = transport.exchange({ method: 'GET', url: URL_, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 20);
    const error = await queued.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toEqual(new Error('enough'));
    expect(sentAt).toHaveLength(1);
  });

  it('stops waiting at the call\'s own timeout with a TimeoutError, sending nothing', async () => {
    const { fetch, sentAt } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 1, perMs: 60_000 }) });
    await transport.exchange({ method: 'GET', url: URL_ });
    const error = await transport.exchange({ method: 'GET', url: URL_ }, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(sentAt).toHaveLength(1);
  });

  it('pauses every request of the credential on a 429 with Retry-After, then lets them go in order', async () => {
    const sentAt: number[] = [];
    const urls: string[] = [];
    const fake = fakeFetch(
      (r) => {
        sentAt.push(performance.now());
        urls.push(r.url);
        return new Response('', { status: 429, headers: { 'retry-after': '0.3' } });
      },
      (r) => {
        sentAt.push(performance.now());
        urls.push(r.url);
        return new Response('{}', { status: 200 });
      },
    );
    const transport = createTransport({ fetch: fake.fetch, credential, rateLimiter: limiter(null) });
    const first = transport.exchange({ method: 'GET', url: `${URL_}/first` });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refusedAt = sentAt[0] as number;
    await Promise.all([first, ...[1, 2, 3].map((i) => transport.exchange({ method: 'GET', url: `${URL_}/${i}` }))]);
    // Nothing was sent during the 300 ms the server asked for; the calls made meanwhile went first, in order.
    for (const at of sentAt.slice(1)) expect(at - refusedAt).toBeGreaterThanOrEqual(295);
    expect(urls.slice(1, 4)).toEqual([`${URL_}/1`, `${URL_}/2`, `${URL_}/3`]);
  });

  it('holds no one past the longest retry wait, whatever Retry-After asks', async () => {
    const { fetch, sentAt } = timedFetch();
    const rateLimiter = new RateLimiter({ rule: null, rateLimitStatuses: [429], fallbackMs: 1_000, maxPauseMs: 100 });
    const refusing = fakeFetch(() => new Response('', { status: 429, headers: { 'retry-after': '3600' } }));
    const transport = createTransport({ fetch: (url, init) => (sentAt.length === 0 ? (sentAt.push(performance.now()), refusing.fetch(url, init)) : fetch(url, init)), credential, rateLimiter, maxRetries: 0 });
    await expect(transport.exchange({ method: 'GET', url: URL_ })).rejects.toThrow();
    const began = performance.now();
    await transport.exchange({ method: 'GET', url: URL_ });
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(performance.now() - (sentAt[0] as number)).toBeGreaterThanOrEqual(95);
  });

  it('shares budgets between clients given the same store', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = memoryStore();
    const a = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 10, perMs: 1_000 }, { store }) });
    const b = createTransport({ fetch, credential, rateLimiter: limiter({ requests: 10, perMs: 1_000 }, { store }) });
    const started = performance.now();
    await Promise.all([a.exchange({ method: 'GET', url: URL_ }), b.exchange({ method: 'GET', url: URL_ })]);
    expect((sentAt[1] as number) - started).toBeGreaterThanOrEqual(105);
  });
});

describe("an operation's own x-apiclients-rate-limit", () => {
  it('is counted by the binding on top of the credential\'s budget, by operation', async () => {
    const { fetch, sentAt } = timedFetch();
    const transport = createTransport({ fetch, credential, rateLimiter: limiter(null) });
    const entry = { verb: 'get', path: '/components', params: [], responses: ['application/json'] } as const;
    const table = {
      components_list: { ...entry, resource: 'components', method: 'list', rateLimit: { requests: 1, perMs: 250 } },
      components_count: { ...entry, resource: 'components', method: 'count' },
    };
    const ops = bindOperations('https://api.example.test', table, transport) as unknown as Record<string, Record<string, () => Promise<unknown>>>;
    const components = ops['components'] as Record<string, () => Promise<unknown>>;
    const started = performance.now();
    await Promise.all([components['list']?.(), components['count']?.(), components['list']?.()]);
    expect(sentAt).toHaveLength(3);
    // The second list waited its operation's 250 ms from the start (a busy machine only adds to that); the other
    // operation did not wait for it: it went out before the second list.
    expect((sentAt[2] as number) - started).toBeGreaterThanOrEqual(240);
    expect(sentAt[1] as number).toBeLessThan(sentAt[2] as number);
  });
});

describe('a shared store that fails', () => {
  it('falls back to the process\'s own limits, warning once, and loses no call', async () => {
    const warnings: string[] = [];
    const broken: RateLimitStore = { take: () => Promise.reject(new Error('connect ECONNREFUSED')), pause: () => Promise.reject(new Error('down')) };
    const { fetch, sentAt } = timedFetch();
    const rateLimiter = limiter({ requests: 20, perMs: 1_000 }, { store: broken }, { debug: () => {}, warn: (m) => warnings.push(m) });
    const transport = createTransport({ fetch, credential, rateLimiter });
    const started = performance.now();
    await Promise.all([0, 1, 2, 3].map(() => transport.exchange({ method: 'GET', url: URL_ })));
    expect(sentAt).toHaveLength(4);
    expect((sentAt[3] as number) - started).toBeGreaterThanOrEqual(3 * 52.6 - 15);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/rate limit store failed \(connect ECONNREFUSED\)/);
    expect(warnings[0]).not.toContain('secret-token');
  });

  it('never hands a store the credential: keys are a SHA-256, hash-tagged', async () => {
    const keys: string[] = [];
    const store: RateLimitStore = { take: (key) => (keys.push(key), 0), pause: () => {} };
    const transport = createTransport({ fetch: timedFetch().fetch, credential, rateLimiter: limiter({ requests: 1, perMs: 1 }, { store }) });
    await transport.exchange({ method: 'GET', url: URL_ });
    expect(keys).toEqual([expect.stringMatching(/^\{[0-9a-f]{64}\}:\*$/)]);
    expect(keys.join()).not.toContain('secret');
  });
});

describe('10 000 waiting calls', () => {
  it('hold flat memory (under 1 kB each) and all stop when aborted', async () => {
    const rateLimiter = limiter({ requests: 1, perMs: 60_000 });
    const summary = () => ({ method: 'GET', url: URL_ });
    await rateLimiter.acquire(credential, undefined, { summary });
    const controller = new AbortController();
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const waiting: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i++) waiting.push((rateLimiter.acquire(credential, undefined, { signal: controller.signal, summary }) as Promise<void>).catch((e: unknown) => e));
    collectGarbage();
    const perWaiter = (process.memoryUsage().heapUsed - before) / 10_000;
    expect(perWaiter).toBeLessThan(1_024);
    controller.abort();
    const outcomes = await Promise.all(waiting);
    expect(outcomes.every((e) => e instanceof RequestAbortedError)).toBe(true);
  });
});

describe('the rateLimit client option', () => {
  const vendor = { credential, redactor: new Redactor(), rateLimit: { requests: 1, perMs: 1_000 } };

  it('is on by default, off with false', () => {
    expect(transportOptionsFrom({}, vendor).rateLimiter).toBeInstanceOf(RateLimiter);
    expect(transportOptionsFrom({ rateLimit: false }, vendor).rateLimiter).toBeUndefined();
  });

  it('refuses half a budget or a bad number, naming it', () => {
    expect(() => transportOptionsFrom({ rateLimit: { requests: 5 } }, vendor)).toThrow(ConfigurationError);
    expect(() => transportOptionsFrom({ rateLimit: { requests: 5, perMs: -1 } }, vendor)).toThrow(/rateLimit.perMs must be a finite number > 0/);
  });
});
