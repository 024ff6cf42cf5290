/**
 * Delays of 2^31 ms and more (24.8 days): a timer cannot hold them and fires after 1 ms (TimeoutOverflowWarning),
 * so every timer of the core is capped (src/transport/timer-delay.ts). Against a real server on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorization, InternalServerError, pollUntil, RateLimiter, RequestAbortedError } from '../src/internal.js';
import { createTransport } from '../src/internal-node.js';
import { rejectionOf } from './support/fake-fetch.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

/** One more than a timer holds. */
const TOO_LONG_MS = 2 ** 31;
/** `Retry-After` in seconds: 34.7 days, past what a timer holds. */
const RETRY_AFTER_S = 3_000_000;

let server: LocalServer | undefined;
let overflows: string[] = [];
const onWarning = (warning: Error) => {
  if (warning.name === 'TimeoutOverflowWarning') overflows.push(warning.message);
};
beforeEach(() => {
  overflows = [];
  process.on('warning', onWarning);
});
afterEach(async () => {
  process.off('warning', onWarning);
  await server?.close();
  server = undefined;
});

/** Settles once every warning emitted so far has been delivered (they are emitted on the next tick). */
const warningsDelivered = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('a delay longer than a timer holds', () => {
  it('timeoutMs of 2^31 ms does not time a request out at once (the client’s or the call’s)', async () => {
    server = await startLocalServer((_req, res) => setTimeout(() => res.end('{}'), 100));
    const transport = createTransport({ timeoutMs: TOO_LONG_MS, maxRetries: 0 });
    expect((await transport.exchange({ method: 'GET', url: `${server.url}/slow` })).response.status).toBe(200);
    const perCall = createTransport({ maxRetries: 0 });
    expect((await perCall.exchange({ method: 'GET', url: `${server.url}/slow` }, { timeoutMs: TOO_LONG_MS })).response.status).toBe(200);
    await Promise.all([transport.close(), perCall.close()]);
    await warningsDelivered();
    expect(overflows).toEqual([]);
  });

  it('a Retry-After of 34 days that maxRetryDelayMs allows is waited, not retried at once', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(503, { 'retry-after': String(RETRY_AFTER_S) });
      res.end('{}');
    });
    const transport = createTransport({ maxRetryDelayMs: 4e9, maxRetries: 3 });
    const error = await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/busy`, signal: AbortSignal.timeout(300) }));
    // Without the cap: three retries within milliseconds, and the last 503 thrown.
    expect(error).not.toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toBe(1);
    await transport.close();
    await warningsDelivered();
    expect(overflows).toEqual([]);
  });

  it('a rate limiter paused for 34 days holds the next call without spinning', async () => {
    server = await startLocalServer((_req, res, index) => {
      res.writeHead(index === 0 ? 429 : 200, index === 0 ? { 'retry-after': String(RETRY_AFTER_S) } : {});
      res.end('{}');
    });
    const rateLimiter = new RateLimiter({ rule: null, rateLimitStatuses: [429], fallbackMs: 1_000, maxPauseMs: 4e9 }, {});
    const transport = createTransport({ credential: authorization('Bearer', 'token-of-the-test'), rateLimiter, waitOnRateLimit: false, maxRetries: 0 });
    await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/first` }));
    const error = await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/second`, signal: AbortSignal.timeout(300) }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toBe(1);
    await transport.close();
    await warningsDelivered();
    // Without the cap, the limiter's timer fires every millisecond, each time with a warning.
    expect(overflows).toEqual([]);
  });

  it('pollUntil with a timeoutMs of 2^31 ms keeps asking', async () => {
    const answers = ['pending', 'pending', 'done'];
    const found = await pollUntil(
      { ask: async () => answers.shift(), statusOf: (s) => s, until: ['done'], request: { method: 'GET', url: 'u' }, sleep: async () => {} },
      { timeoutMs: TOO_LONG_MS, intervalMs: 20 },
    );
    expect(found).toBe('done');
    await warningsDelivered();
    expect(overflows).toEqual([]);
  });
});
