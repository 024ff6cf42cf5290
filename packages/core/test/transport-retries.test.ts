import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiClientError,
  ApiError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  type TransportOptions,
} from '../src/internal.js';
import { fail, recordedLogger, recordedSleep, rejectionOf, reply, type Reply } from './support/fake-fetch.js';
import { SENDERS } from './support/senders.js';
import { closedPortUrl, startLocalServer, type LocalServer } from './support/local-server.js';

const ENDPOINT = 'https://api.example.test/v1/things';
const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

describe.each(SENDERS)('over $name', ({ name: sender, fakeFetch, createTransport }) => {
  /** A transport over a scripted fetch, with recorded (instant) sleeps, no jitter and a fixed clock. */
  function setup(replies: Reply[], options: TransportOptions = {}) {
    const fake = fakeFetch(...replies);
    const { delays, sleep } = recordedSleep();
    const transport = createTransport({ fetch: fake.fetch, sleep, random: () => 0, now: () => NOW, ...options });
    return { transport, sent: fake.sent, delays };
  }

  const request = (method: string, body?: string) =>
    new Request(ENDPOINT, { method, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });

  describe('429: waits as the server asks, for any method', () => {
    it.each(['POST', 'GET', 'PATCH', 'DELETE'])('%s honours retry-after-ms', async (method) => {
      const { transport, sent, delays } = setup([reply(429, '', { 'retry-after-ms': '1234' }), reply(200, { ok: true })]);
      const response = await transport(request(method, method === 'GET' || method === 'DELETE' ? undefined : '{}'));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      expect(sent).toHaveLength(2);
      expect(delays).toEqual([1234]);
    });

    it('honours Retry-After in seconds', async () => {
      const { transport, sent, delays } = setup([reply(429, '', { 'retry-after': '7' }), reply(200)]);
      expect((await transport(request('POST', '{}'))).status).toBe(200);
      expect(sent).toHaveLength(2);
      expect(delays).toEqual([7000]);
    });

    it('honours Retry-After as an HTTP date, against the injected clock', async () => {
      const { transport, delays } = setup([reply(429, '', { 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }), reply(200)]);
      expect((await transport(request('GET'))).status).toBe(200);
      expect(delays).toEqual([5000]);
    });

    it('falls back to the vendor delay when Retry-After is missing', async () => {
      const { transport, delays } = setup([reply(429), reply(200)], { rateLimitFallbackMs: 4321 });
      expect((await transport(request('POST', '{}'))).status).toBe(200);
      expect(delays).toEqual([4321]);
    });

    it('falls back to the vendor delay when Retry-After is malformed (Webex "rand(30),add(30)")', async () => {
      const { transport, delays } = setup([reply(429, '', { 'retry-after': 'rand(30),add(30)' }), reply(200)], {
        rateLimitFallbackMs: 4321,
      });
      expect((await transport(request('GET'))).status).toBe(200);
      expect(delays).toEqual([4321]);
    });

    it('uses DEFAULT_RETRY_OPTIONS.rateLimitFallbackMs (1 s) when the vendor sets none', async () => {
      const { transport, delays } = setup([reply(429), reply(200)]);
      await transport(request('GET'));
      expect(delays).toEqual([1000]);
    });

    it('retries at once for Retry-After: 0', async () => {
      const { transport, sent, delays } = setup([reply(429, '', { 'retry-after': '0' }), reply(200)]);
      expect((await transport(request('POST', '{}'))).status).toBe(200);
      expect(sent).toHaveLength(2);
      expect(delays).toEqual([0]);
    });

    it('with waitOnRateLimit: false, throws the RateLimitError at once with retryAfterMs', async () => {
      const { transport, sent, delays } = setup([reply(429, { message: 'slow down' }, { 'retry-after': '3' }), reply(200)], {
        waitOnRateLimit: false,
      });
      const error = await rejectionOf(transport(request('GET')));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, retryAfterMs: 3000, message: expect.stringContaining('slow down') });
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('with waitOnRateLimit: false and no Retry-After, reports the vendor fallback delay', async () => {
      const { transport, sent } = setup([reply(429)], { waitOnRateLimit: false, rateLimitFallbackMs: 2500 });
      const error = await rejectionOf(transport(request('GET')));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(2500);
      expect(sent).toHaveLength(1);
    });

    it('throws rather than waits when Retry-After exceeds maxRetryDelayMs', async () => {
      const { transport, sent, delays } = setup([reply(429, '', { 'retry-after': '120' }), reply(200)], {
        maxRetryDelayMs: 60_000,
      });
      const error = await rejectionOf(transport(request('GET')));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(120_000);
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('throws the last RateLimitError, with its delay, once out of retries', async () => {
      const { transport, sent, delays } = setup([reply(429, '', { 'retry-after': '2' })], { maxRetries: 2 });
      const error = await rejectionOf(transport(request('POST', '{}')));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(2000);
      expect(sent).toHaveLength(3);
      expect(delays).toEqual([2000, 2000]);
    });

    it('treats the vendor’s extra rate-limit statuses (Statuspage 420) like 429', async () => {
      const { transport, sent, delays } = setup([reply(420, '', { 'retry-after': '1' }), reply(200)], {
        rateLimitStatuses: [420, 429],
      });
      expect((await transport(request('POST', '{}'))).status).toBe(200);
      expect(sent).toHaveLength(2);
      expect(delays).toEqual([1000]);
    });
  });

  describe('408 and 5xx: retried only when replaying is safe', () => {
    const cases = [408, 500, 502, 503].flatMap((status) => ['GET', 'PUT', 'DELETE'].map((method) => [status, method] as const));

    it.each(cases)('%d is retried for %s', async (status, method) => {
      const { transport, sent, delays } = setup([reply(status), reply(200, { ok: 1 })]);
      const response = await transport(request(method, method === 'PUT' ? '{"a":1}' : undefined));
      expect(response.status).toBe(200);
      expect(sent.map((r) => r.method)).toEqual([method, method]);
      expect(delays).toEqual([500]);
    });

    const unsafe = [408, 500, 502, 503].flatMap((status) => ['POST', 'PATCH'].map((method) => [status, method] as const));

    it.each(unsafe)('%d is not retried for %s', async (status, method) => {
      const { transport, sent, delays } = setup([reply(status, { message: 'boom' }), reply(200)]);
      const error = await rejectionOf(transport(request(method, '{}')));
      expect(error).toBeInstanceOf(status === 408 ? ApiError : InternalServerError);
      expect(error).toMatchObject({ status, method });
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('retries a POST the policy marks idempotent', async () => {
      const { transport, sent } = setup([reply(503), reply(502), reply(201, { id: 'x' })]);
      const response = await transport(request('POST', '{"a":1}'), { idempotent: true });
      expect(response.status).toBe(201);
      expect(sent).toHaveLength(3);
    });

    it('does not retry a GET the policy marks non-idempotent', async () => {
      const { transport, sent } = setup([reply(503), reply(200)]);
      await expect(transport(request('GET'), { idempotent: false })).rejects.toBeInstanceOf(InternalServerError);
      expect(sent).toHaveLength(1);
    });

    it('honours a 503’s Retry-After instead of backing off', async () => {
      const { transport, delays } = setup([reply(503, '', { 'retry-after': '3' }), reply(200)]);
      await transport(request('GET'));
      expect(delays).toEqual([3000]);
    });

    it('throws a 503 asking for longer than maxRetryDelayMs without waiting', async () => {
      const { transport, sent, delays } = setup([reply(503, '', { 'retry-after': '600' }), reply(200)]);
      const error = await rejectionOf(transport(request('GET')));
      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as InternalServerError).retryAfterMs).toBe(600_000);
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it.each([400, 401, 403, 404, 409, 410, 422])('%d is not retried, even for GET', async (status) => {
      const { transport, sent, delays } = setup([reply(status), reply(200)]);
      const error = await rejectionOf(transport(request('GET')));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(status);
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('returns a success at once, without waiting', async () => {
      const { transport, sent, delays } = setup([reply(200, { ok: true })]);
      expect(await (await transport(request('GET'))).json()).toEqual({ ok: true });
      expect(sent).toHaveLength(1);
      expect(delays).toEqual([]);
    });
  });

  describe('attempts and backoff', () => {
    it.each([0, 1, 2, 5])('never makes more than maxRetries + 1 attempts (maxRetries %d)', async (maxRetries) => {
      for (const failing of [reply(503), reply(429), fail('ECONNREFUSED'), fail('ECONNRESET')]) {
        const { transport, sent, delays } = setup([failing], { maxRetries });
        await expect(transport(request('GET'))).rejects.toBeInstanceOf(ApiClientError);
        expect(sent).toHaveLength(maxRetries + 1);
        expect(delays).toHaveLength(maxRetries);
      }
    });

    it('defaults to 2 retries (3 attempts)', async () => {
      const { transport, sent } = setup([reply(500)]);
      await expect(transport(request('GET'))).rejects.toBeInstanceOf(InternalServerError);
      expect(sent).toHaveLength(3);
    });

    it('backs off exponentially from initialBackoffMs, capped by maxBackoffMs (no jitter)', async () => {
      const { transport, delays } = setup([reply(503)], {
        maxRetries: 7,
        initialBackoffMs: 100,
        maxBackoffMs: 1000,
        random: () => 0,
      });
      await expect(transport(request('GET'))).rejects.toBeInstanceOf(InternalServerError);
      expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    });

    it('jitters each delay within [ceiling / 2, ceiling]', async () => {
      const randoms = [1, 0.5, 0.25, 0.999, 0.1, 1];
      let i = 0;
      const { transport, delays } = setup([reply(503)], {
        maxRetries: randoms.length,
        initialBackoffMs: 100,
        maxBackoffMs: 1000,
        random: () => randoms[i++] ?? 0,
      });
      await expect(transport(request('GET'))).rejects.toBeInstanceOf(InternalServerError);
      expect(delays).toEqual([50, 150, 350, 400, 950, 500]);
      delays.forEach((delay, n) => {
        const ceiling = Math.min(100 * 2 ** n, 1000);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      });
    });

    it('logs each retry, with its delay, to the logger', async () => {
      const { lines, logger } = recordedLogger();
      const { transport } = setup([reply(503), reply(429, '', { 'retry-after': '2' }), reply(200)], { logger });
      await transport(request('GET'));
      expect(lines.filter((l) => l.includes('retrying'))).toEqual([
        `← 503 GET ${ENDPOINT} (0 ms, attempt 1); retrying in 500 ms`,
        `← 429 GET ${ENDPOINT} (0 ms, attempt 2, after 503); retrying in 2000 ms`,
      ]);
    });
  });

  describe('connection failures (injected fetch)', () => {
    it('retries a dropped connection for GET', async () => {
      const { transport, sent, delays } = setup([fail('ECONNRESET'), reply(200, { ok: 1 })]);
      expect((await transport(request('GET'))).status).toBe(200);
      expect(sent).toHaveLength(2);
      expect(delays).toEqual([500]);
    });

    it.each(['POST', 'PATCH'])('does not retry a dropped connection for %s', async (method) => {
      const { transport, sent } = setup([fail('ECONNRESET'), reply(200)]);
      const error = await rejectionOf(transport(request(method, '{}')));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ method, url: ENDPOINT, message: expect.stringContaining('ECONNRESET') });
      expect(((error as ConnectionError).cause as { code?: string }).code).toBe('ECONNRESET');
      expect(sent).toHaveLength(1);
    });

    it('retries a refused connection even for POST', async () => {
      const { transport, sent } = setup([fail('ECONNREFUSED'), fail('ECONNREFUSED'), reply(201)]);
      expect((await transport(request('POST', '{}'))).status).toBe(201);
      expect(sent).toHaveLength(3);
    });

    it('throws a ConnectionError, not a TimeoutError, when retries run out', async () => {
      const { transport } = setup([fail('ECONNREFUSED')]);
      const error = await rejectionOf(transport(request('POST', '{}')));
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).name).toBe('ConnectionError');
    });

    // A fetch's own failure: undici never throws a non-Error.
    it.skipIf(sender === 'undici')('treats a fetch that throws something odd as a dropped connection', async () => {
      const { transport, sent } = setup([
        () => {
          throw 'not an error';
        },
      ]);
      const error = await rejectionOf(transport(request('POST', '{}')));
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain('not an error');
      expect(sent).toHaveLength(1);
    });
  });

  describe('connection failures (real sockets on 127.0.0.1)', () => {
    let server: LocalServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('retries a GET whose connection is reset mid-body', async () => {
      server = await startLocalServer((_req, res, index) => {
        if (index === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"partial":');
          setTimeout(() => res.socket?.resetAndDestroy(), 5);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"whole":true}');
      });
      const { delays, sleep } = recordedSleep();
      const transport = createTransport({ sleep, random: () => 0 });
      const response = await transport(new Request(`${server.url}/reset`));
      expect(await response.json()).toEqual({ whole: true });
      expect(server.requests).toBe(2);
      expect(delays).toEqual([500]);
    });

    it('does not retry a POST whose connection is reset mid-body', async () => {
      server = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"partial":');
        setTimeout(() => res.socket?.resetAndDestroy(), 5);
      });
      const { sleep } = recordedSleep();
      const transport = createTransport({ sleep });
      const error = await rejectionOf(transport(new Request(`${server.url}/reset`, { method: 'POST', body: '{}' })));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ method: 'POST', url: `${server.url}/reset` });
      expect(server.requests).toBe(1);
    });

    it('retries ECONNREFUSED even for POST, then throws a ConnectionError with the code', async () => {
      const url = `${await closedPortUrl()}/things`;
      const { delays, sleep } = recordedSleep();
      const transport = createTransport({ sleep, maxRetries: 2 });
      const error = await rejectionOf(transport(new Request(url, { method: 'POST', body: 'x' })));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(((error as ConnectionError).cause as { code?: string }).code).toBe('ECONNREFUSED');
      // Three attempts: a wait before each of the two retries.
      expect(delays).toHaveLength(2);
    });

    it('a 400 from a real server is not retried and is a BadRequestError', async () => {
      server = await startLocalServer((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad field"}');
      });
      const transport = createTransport({ sleep: recordedSleep().sleep });
      const error = await rejectionOf(transport(new Request(`${server.url}/x`)));
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).body).toEqual({ message: 'bad field' });
      expect(server.requests).toBe(1);
    });
  });
});
