import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, DEFAULT_RETRY_OPTIONS, type FailedAttempt, type RetryOptions } from '../src/internal.js';

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
const options: RetryOptions = {
  ...DEFAULT_RETRY_OPTIONS,
  maxRetries: 3,
  initialBackoffMs: 100,
  maxBackoffMs: 1000,
  rateLimitFallbackMs: 777,
  maxRetryDelayMs: 10_000,
};
const noJitter = () => 0;
const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const attempt = (overrides: Partial<FailedAttempt> = {}): FailedAttempt => ({ retriesSoFar: 0, idempotent: true, ...overrides });
const decide = (a: FailedAttempt, o: RetryOptions = options) => decideRetry(a, o, NOW, noJitter);

describe('DEFAULT_RETRY_OPTIONS', () => {
  it('are the documented defaults', () => {
    expect(DEFAULT_RETRY_OPTIONS).toEqual({
      maxRetries: 2,
      maxRetryDelayMs: 60_000,
      waitOnRateLimit: true,
      rateLimitFallbackMs: 1_000,
      rateLimitStatuses: [429],
      initialBackoffMs: 500,
      maxBackoffMs: 8_000,
    });
  });
});

describe('backoffMs', () => {
  it('doubles from initialBackoffMs on every retry (no jitter when random() is 0)', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, options, noJitter))).toEqual([100, 200, 400, 800]);
  });

  it('is capped by maxBackoffMs', () => {
    expect([4, 5, 10, 60].map((n) => backoffMs(n, options, noJitter))).toEqual([1000, 1000, 1000, 1000]);
  });

  it('jitters down to half of the delay at most', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, options, () => 1))).toEqual([50, 100, 200, 400, 500]);
    expect(backoffMs(2, options, () => 0.5)).toBe(300);
  });

  it('stays within [ceiling / 2, ceiling] for any random value', () => {
    for (let retries = 0; retries < 8; retries++) {
      const ceiling = Math.min(100 * 2 ** retries, 1000);
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1]) {
        const delay = backoffMs(retries, options, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('uses Math.random by default, still within bounds', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffMs(1, options);
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(200);
    }
  });
});

describe('decideRetry: rate limits', () => {
  it('waits the Retry-After the server asked for, for any method', () => {
    expect(decide(attempt({ idempotent: false, response: response(429, { 'retry-after': '2' }) }))).toEqual({
      retry: true,
      delayMs: 2000,
    });
  });

  it('falls back to rateLimitFallbackMs when Retry-After is missing or malformed', () => {
    expect(decide(attempt({ response: response(429) }))).toEqual({ retry: true, delayMs: 777 });
    expect(decide(attempt({ response: response(429, { 'retry-after': 'rand(30),add(30)' }) }))).toEqual({
      retry: true,
      delayMs: 777,
    });
  });

  it('retries at once for Retry-After: 0', () => {
    expect(decide(attempt({ response: response(429, { 'retry-after': '0' }) }))).toEqual({ retry: true, delayMs: 0 });
  });

  it('gives up, passing the delay on, when asked to wait longer than maxRetryDelayMs', () => {
    expect(decide(attempt({ response: response(429, { 'retry-after': '11' }) }))).toEqual({
      retry: false,
      retryAfterMs: 11_000,
    });
  });

  it('waits exactly maxRetryDelayMs (the limit is inclusive)', () => {
    expect(decide(attempt({ response: response(429, { 'retry-after': '10' }) }))).toEqual({ retry: true, delayMs: 10_000 });
  });

  it('gives up at once with the delay when waitOnRateLimit is false', () => {
    const noWait = { ...options, waitOnRateLimit: false };
    expect(decide(attempt({ response: response(429, { 'retry-after': '3' }) }), noWait)).toEqual({
      retry: false,
      retryAfterMs: 3000,
    });
    expect(decide(attempt({ response: response(429) }), noWait)).toEqual({ retry: false, retryAfterMs: 777 });
  });

  it('treats the vendor’s other rate-limit statuses like 429', () => {
    const statuspage = { ...options, rateLimitStatuses: [420, 429] };
    expect(decide(attempt({ idempotent: false, response: response(420, { 'retry-after': '1' }) }), statuspage)).toEqual({
      retry: true,
      delayMs: 1000,
    });
    expect(decide(attempt({ idempotent: false, response: response(420) }), options)).toEqual({ retry: false });
  });

  it('gives up when out of retries, with the delay the server asked for (or the fallback)', () => {
    expect(decide(attempt({ retriesSoFar: 3, response: response(429, { 'retry-after': '1' }) }))).toEqual({
      retry: false,
      retryAfterMs: 1000,
    });
    expect(decide(attempt({ retriesSoFar: 3, response: response(429) }))).toEqual({ retry: false, retryAfterMs: 777 });
  });
});

describe('decideRetry: transient statuses', () => {
  it.each([408, 500, 502, 503, 504])('retries %d on an idempotent request with backoff', (status) => {
    expect(decide(attempt({ response: response(status) }))).toEqual({ retry: true, delayMs: 100 });
    expect(decide(attempt({ retriesSoFar: 2, response: response(status) }))).toEqual({ retry: true, delayMs: 400 });
  });

  it.each([408, 500, 502, 503])('does not retry %d on a non-idempotent request', (status) => {
    expect(decide(attempt({ idempotent: false, response: response(status) }))).toMatchObject({ retry: false });
  });

  it('honours Retry-After on a 503', () => {
    expect(decide(attempt({ response: response(503, { 'retry-after': '4' }) }))).toEqual({ retry: true, delayMs: 4000 });
  });

  it('gives up on a 503 asking for longer than maxRetryDelayMs', () => {
    expect(decide(attempt({ response: response(503, { 'retry-after': '60' }) }))).toEqual({
      retry: false,
      retryAfterMs: 60_000,
    });
  });

  it('passes on the Retry-After of a response it does not retry', () => {
    expect(decide(attempt({ idempotent: false, response: response(503, { 'retry-after': '4' }) }))).toEqual({
      retry: false,
      retryAfterMs: 4000,
    });
    expect(decide(attempt({ retriesSoFar: 3, response: response(503, { 'retry-after': '4' }) }))).toEqual({
      retry: false,
      retryAfterMs: 4000,
    });
  });

  it.each([400, 401, 403, 404, 405, 409, 410, 422])('never retries %d', (status) => {
    expect(decide(attempt({ response: response(status) }))).toEqual({ retry: false });
  });

  it('stops once retriesSoFar reaches maxRetries', () => {
    expect(decide(attempt({ retriesSoFar: 2, response: response(503) })).retry).toBe(true);
    expect(decide(attempt({ retriesSoFar: 3, response: response(503) }))).toEqual({ retry: false });
  });

  it('never retries with maxRetries 0', () => {
    const none = { ...options, maxRetries: 0 };
    expect(decide(attempt({ response: response(503) }), none)).toEqual({ retry: false });
    expect(decide(attempt({ failure: 'connection-refused' }), none)).toEqual({ retry: false });
    expect(decide(attempt({ response: response(429) }), none)).toEqual({ retry: false, retryAfterMs: 777 });
  });
});

describe('decideRetry: failures without a response', () => {
  it('retries a refused connection for any method', () => {
    expect(decide(attempt({ idempotent: false, failure: 'connection-refused' }))).toEqual({ retry: true, delayMs: 100 });
  });

  it('retries a dropped connection or a timeout only when idempotent', () => {
    expect(decide(attempt({ failure: 'connection' }))).toEqual({ retry: true, delayMs: 100 });
    expect(decide(attempt({ failure: 'timeout', retriesSoFar: 1 }))).toEqual({ retry: true, delayMs: 200 });
    expect(decide(attempt({ idempotent: false, failure: 'connection' }))).toEqual({ retry: false });
    expect(decide(attempt({ idempotent: false, failure: 'timeout' }))).toEqual({ retry: false });
  });
});
