/** `timeoutMs` bounds each attempt, body included; a timed-out attempt counts as a retry. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientError, ConnectionError, RequestAbortedError, TimeoutError } from '../src/internal.js';
import { hang, recordedLogger, recordedSleep, rejectionOf, reply } from './support/fake-fetch.js';
import { collectGarbage, settledWithin } from './support/gc.js';
import { SENDERS } from './support/senders.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

// Long enough that every attempt reaches the server before it times out, short enough to keep the file fast.
const TIMEOUT_MS = 150;
// For an attempt that must answer in time after one that timed out: a busy machine may take longer than TIMEOUT_MS.
const IN_TIME_MS = 1_000;

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// The first fetch of a process loads and warms up undici, which can take longer than TIMEOUT_MS on a busy machine.
beforeAll(async () => {
  const warm = await startLocalServer((_req, res) => res.end('ok'));
  await (await fetch(`${warm.url}/warm-up`)).text();
  await warm.close();
});

/** A server that accepts requests and never answers them. */
const stallBeforeHeaders = () => startLocalServer(() => {});
/** A server that sends headers and part of the body, then goes quiet. */
const stallMidBody = () =>
  startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"items":[');
  });

describe.each(SENDERS)('over $name', ({ name, fakeFetch, createTransport }) => {
  /** A transport over the sender under test, its attempts counted by the server. */
  function realTransport(maxRetries = 2, timeoutMs = TIMEOUT_MS) {
    const { delays, sleep } = recordedSleep();
    const { lines, logger } = recordedLogger();
    const transport = createTransport({
      timeoutMs,
      maxRetries,
      sleep,
      random: () => 0,
      logger,
    });
    return { transport, delays, lines };
  }

  describe('timeouts against a real server', () => {
    it('a server that stalls before the headers: TimeoutError after every retry', async () => {
      server = await stallBeforeHeaders();
      const { transport, delays, lines } = realTransport(2);
      const started = Date.now();
      const error = await rejectionOf(transport(new Request(`${server.url}/slow`)));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toBeInstanceOf(ApiClientError);
      expect(error).toMatchObject({
        name: 'TimeoutError',
        timeoutMs: TIMEOUT_MS,
        method: 'GET',
        url: `${server.url}/slow`,
        message: `Request timed out after ${TIMEOUT_MS} ms: GET ${server.url}/slow`,
      });
      await expect.poll(() => server?.requests).toBe(3);
      expect(delays).toEqual([500, 1000]);
      expect(lines.filter((l) => l.includes('timed out'))).toHaveLength(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * TIMEOUT_MS - 5);
    });

    it('a server that stalls mid-body: the body read is under the timeout too', async () => {
      server = await stallMidBody();
      const { transport } = realTransport(1);
      const error = await rejectionOf(transport(new Request(`${server.url}/half`)));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(server.requests).toBe(2);
    });

    it('a timed-out POST is not replayed', async () => {
      server = await stallBeforeHeaders();
      const { transport, delays } = realTransport(2);
      const error = await rejectionOf(transport(new Request(`${server.url}/slow`, { method: 'POST', body: '{}' })));
      expect(error).toBeInstanceOf(TimeoutError);
      await expect.poll(() => server?.requests).toBe(1);
      expect(delays).toEqual([]);
    });

    it('a timed-out POST marked idempotent is replayed', async () => {
      server = await stallBeforeHeaders();
      const { transport } = realTransport(1);
      const error = await rejectionOf(transport(new Request(`${server.url}/slow`, { method: 'POST', body: '{}' }), { idempotent: true }));
      expect(error).toBeInstanceOf(TimeoutError);
      await expect.poll(() => server?.requests).toBe(2);
    });

    it('the timeout is per attempt: a retry that answers in time succeeds', async () => {
      server = await startLocalServer((_req, res, index) => {
        if (index === 0) return; // stall the first attempt
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
      // A second long enough for the retry's answer to arrive in time on a busy machine.
      const { transport } = realTransport(2, IN_TIME_MS);
      const response = await transport(new Request(`${server.url}/flaky`));
      expect(await response.json()).toEqual({ ok: true });
      expect(server.requests).toBe(2);
    });

    it('a slow response within the limit is not cut off', async () => {
      server = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first ');
        setTimeout(() => res.end('second'), 20);
      });
      const transport = createTransport({ timeoutMs: 2000, sleep: recordedSleep().sleep });
      const response = await transport(new Request(`${server.url}/trickle`));
      expect(await response.text()).toBe('first second');
      expect(server.requests).toBe(1);
    });
  });

  describe('timeouts survive a garbage collection (Node’s fetch follows a Request’s signal weakly)', () => {
    it('with the default fetch, a GC while the request is in flight does not disable the timeout', async () => {
      server = await startLocalServer(() => setTimeout(collectGarbage, 5));
      const transport = createTransport({ timeoutMs: TIMEOUT_MS, maxRetries: 1, sleep: recordedSleep().sleep });
      const error = await rejectionOf(settledWithin(transport(new Request(`${server.url}/slow`)), 2000));
      expect(error).toBeInstanceOf(TimeoutError);
      await expect.poll(() => server?.requests).toBe(2);
    });

    it('the same for a stalled body', async () => {
      server = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial":');
        setTimeout(collectGarbage, 5);
      });
      const transport = createTransport({ timeoutMs: TIMEOUT_MS, maxRetries: 0 });
      const error = await rejectionOf(settledWithin(transport(new Request(`${server.url}/half`)), 2000));
      expect(error).toBeInstanceOf(TimeoutError);
    });
  });

  describe('timeouts with an injected fetch', () => {
    it('a fetch that never answers times out, retries counted', async () => {
      const fake = fakeFetch(hang());
      const { delays, sleep } = recordedSleep();
      const { lines, logger } = recordedLogger();
      const transport = createTransport({ fetch: fake.fetch, timeoutMs: TIMEOUT_MS, maxRetries: 3, sleep, random: () => 0, logger, logLevel: 'info' });
      const error = await rejectionOf(transport(new Request('https://api.example.test/x')));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(TIMEOUT_MS);
      // Four attempts, each timed out: the transport's own count.
      expect(lines.filter((line) => /: timed out \(\d+ ms, attempt [1-4]\b/.test(line))).toHaveLength(4);
      // In memory every attempt reaches the fetch; over a real socket a starved machine may time an attempt out
      // before its bytes reach the server, which then sees fewer.
      if (name === 'fetch') expect(fake.sent).toHaveLength(4);
      else expect(fake.sent.length).toBeGreaterThanOrEqual(1);
      expect(delays).toEqual([500, 1000, 2000]);
      // Each attempt had its own signal, and each was aborted.
      await expect.poll(() => fake.sent.every((s) => s.signal.aborted)).toBe(true);
    });

    it('a timeout followed by a success returns the success', async () => {
      const fake = fakeFetch(hang(), reply(200, { ok: 1 }));
      const transport = createTransport({ fetch: fake.fetch, timeoutMs: IN_TIME_MS, sleep: recordedSleep().sleep });
      expect(await (await transport(new Request('https://api.example.test/x'))).json()).toEqual({ ok: 1 });
      expect(fake.sent).toHaveLength(2);
    });
  });

  describe('no timeout: timeoutMs 0 (as for Node’s http and undici) or Infinity', () => {
    /** A fetch that answers after `delayMs` unless its signal aborts first, and records the init it was called with. */
    function slowFetch(delayMs: number) {
      const inits: RequestInit[] = [];
      const fetch = async (_url: string, init: RequestInit) => {
        inits.push(init);
        await new Promise((resolve, reject) => {
          setTimeout(resolve, delayMs);
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
        });
        return new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } });
      };
      return { fetch, inits };
    }

    it.each([0, Infinity])('timeoutMs %s: an answer slower than any short timeout is awaited, and fetch gets no signal', async (timeoutMs) => {
      const slow = slowFetch(40);
      const transport = createTransport({ fetch: slow.fetch, timeoutMs });
      const { bytes, response } = await transport.exchange({ method: 'GET', url: 'https://api.example.test/x' });
      expect(response.status).toBe(200);
      expect(new TextDecoder().decode(bytes)).toBe('{"ok":1}');
      expect(slow.inits[0]?.signal).toBeNull();
    });

    it('the same slow answer times out under a short timeout, which hands fetch a signal of its own', async () => {
      const slow = slowFetch(40);
      const transport = createTransport({ fetch: slow.fetch, timeoutMs: 5, maxRetries: 0 });
      const caller = new AbortController();
      const error = await rejectionOf(transport.exchange({ method: 'GET', url: 'https://api.example.test/x', signal: caller.signal }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(slow.inits[0]?.signal).toBeInstanceOf(AbortSignal);
      expect(slow.inits[0]?.signal).not.toBe(caller.signal);
    });

    it('without a timeout the caller’s signal goes to fetch as it is, and aborting it still ends the request', async () => {
      const fake = fakeFetch(hang());
      const seen: (AbortSignal | null | undefined)[] = [];
      const transport = createTransport({
        fetch: (url, init) => {
          seen.push(init.signal);
          return fake.fetch(url, init);
        },
        timeoutMs: 0,
        sleep: recordedSleep().sleep,
      });
      const caller = new AbortController();
      setTimeout(() => caller.abort('stop'), 5);
      const error = await rejectionOf(transport.exchange({ method: 'GET', url: 'https://api.example.test/x', signal: caller.signal }));
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toBe('stop');
      expect(seen).toEqual([caller.signal]);
      expect(fake.sent).toHaveLength(1);
    });

    it('against a real server that never answers, the caller’s abort ends an untimed request', async () => {
      const caller = new AbortController();
      // The caller gives up once the server holds the request (a fixed delay could end before it arrives, on a busy
      // machine): nothing but the caller's signal can end it.
      server = await startLocalServer(() => setTimeout(() => caller.abort('enough'), 20));
      const transport = createTransport({ timeoutMs: 0, sleep: recordedSleep().sleep });
      const error = await rejectionOf(settledWithin(transport.exchange({ method: 'GET', url: `${server.url}/slow`, signal: caller.signal }), 2000));
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect(server.requests).toBe(1);
    });
  });
});
