import { describe, expect, it } from 'vitest';
import { ConfigurationError, RateLimiter, Redactor, transportOptionsFrom, type Credential } from '../src/internal.js';

const credential: Credential = { in: 'query', name: 'token', value: 'tok_123456' };
const redactor = new Redactor();

describe('transportOptionsFrom', () => {
  it('carries the vendor credential, redactor and defaults, and the user’s overrides', () => {
    const fetch = async () => new Response(null);
    const logger = { debug() {}, warn() {} };
    const out = transportOptionsFrom(
      { timeoutMs: 5, maxRetries: 0, maxRetryDelayMs: 10, waitOnRateLimit: false, fetch, headers: { a: 'b' }, userAgent: 'ua', logger },
      { credential, redactor, defaults: { maxRetries: 4, rateLimitFallbackMs: 2000, timeoutMs: 30_000 } },
    );
    expect(out).toEqual({
      credential,
      redactor,
      rateLimitFallbackMs: 2000,
      timeoutMs: 5,
      maxRetries: 0,
      maxRetryDelayMs: 10,
      waitOnRateLimit: false,
      fetch,
      headers: { a: 'b' },
      userAgent: 'ua',
      logger,
      rateLimiter: expect.any(RateLimiter),
    });
  });

  it('keeps vendor defaults the user does not override', () => {
    const out = transportOptionsFrom({}, { credential, redactor, defaults: { maxRetries: 4 } });
    expect(out.maxRetries).toBe(4);
    expect('timeoutMs' in out).toBe(false);
  });

  it('ignores baseUrl (it is not a transport option)', () => {
    expect('baseUrl' in transportOptionsFrom({ baseUrl: 'https://h.test' }, { credential, redactor })).toBe(false);
  });

  it.each([
    ['timeoutMs', -1],
    ['maxRetries', Number.NaN],
    ['maxRetryDelayMs', Number.POSITIVE_INFINITY],
  ] as const)('refuses %s = %d with a ConfigurationError', (key, value) => {
    expect(() => transportOptionsFrom({ [key]: value }, { credential, redactor })).toThrow(ConfigurationError);
  });

  it('accepts timeoutMs = Infinity (no timeout), and only for the timeout', () => {
    expect(transportOptionsFrom({ timeoutMs: Infinity }, { credential, redactor })).toMatchObject({ timeoutMs: Infinity });
    expect(() => transportOptionsFrom({ maxRetries: Infinity }, { credential, redactor })).toThrow(ConfigurationError);
  });

  it('accepts zero', () => {
    expect(transportOptionsFrom({ maxRetries: 0, timeoutMs: 0 }, { credential, redactor })).toMatchObject({ maxRetries: 0, timeoutMs: 0 });
  });
});
