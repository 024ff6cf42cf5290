/**
 * Property 1, retries are safe, for every vendor client against the fault server: idempotent calls recover from
 * 503s and connection resets; non-idempotent ones are replayed after a rate limit only; every attempt carries the
 * same bytes; attempts never exceed maxRetries + 1; waits never exceed maxRetryDelayMs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, InternalServerError, RateLimitError } from '@apiclients/core';
import { reply, RETRY_AFTER_FORMS, type Reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { callsWithBodies, nonIdempotentCalls, VENDORS } from './support/vendors.js';

const server = useFaultServer();
// Retry-After: 0 keeps replays immediate, so these tests wait for nothing real.
const unavailable = () => reply.status(503, '0');
const limited = (status = 429) => reply.status(status, '0');

describe.each(VENDORS)('$name: idempotent calls recover', (vendor) => {
  it('from 503, a reset before headers and a reset mid-body, within maxRetries', async () => {
    for (const fault of [unavailable(), reply.resetBeforeHeaders(), reply.resetMidBody()]) {
      server().reset();
      server().enqueue(fault, fault, vendor.get.ok);
      await expect(vendor.get.run(server().url, { maxRetries: 2 })).resolves.toBeDefined();
      expect(server().requests).toHaveLength(3);
    }
  });

  it('but give up with a typed error once maxRetries is spent', async () => {
    server().fallback = () => reply.resetBeforeHeaders();
    expect(await outcomeOf(vendor.get.run(server().url, { maxRetries: 1 }))).toBeInstanceOf(ConnectionError);
    expect(server().requests).toHaveLength(2);
  });
});

describe.each(nonIdempotentCalls())('$vendor.name $call.name (not idempotent)', ({ vendor, call }) => {
  it('is not replayed after a 503', async () => {
    server().enqueue(unavailable(), call.ok);
    expect(await outcomeOf(call.run(server().url, { maxRetries: 3 }))).toBeInstanceOf(InternalServerError);
    expect(server().requests).toHaveLength(1);
  });

  it('is not replayed after a reset, before headers or mid-body', async () => {
    for (const fault of [reply.resetBeforeHeaders(), reply.resetMidBody()]) {
      server().reset();
      server().enqueue(fault, call.ok);
      expect(await outcomeOf(call.run(server().url, { maxRetries: 3 }))).toBeInstanceOf(ConnectionError);
      expect(server().requests).toHaveLength(1);
    }
  });

  it.each(vendor.rateLimitStatuses)('is replayed after a %i rate limit (the server did not act)', async (status) => {
    server().enqueue(limited(status), limited(status), call.ok);
    await expect(call.run(server().url, { maxRetries: 3 })).resolves.toBeDefined();
    expect(server().requests).toHaveLength(3);
  });
});

describe.each(callsWithBodies())('$vendor.name $call.name: the body of every attempt', ({ vendor, call }) => {
  it('arrives byte-identical', async () => {
    const faults: Reply[] = call.idempotent
      ? [unavailable(), reply.resetBeforeHeaders(), limited(vendor.rateLimitStatuses.at(-1))]
      : [limited(), limited(vendor.rateLimitStatuses.at(-1))];
    server().enqueue(...faults, call.ok);
    await call.run(server().url, { maxRetries: 3 });
    const attempts = server().requests;
    expect(attempts).toHaveLength(faults.length + 1);
    const first = attempts[0]!;
    expect(first.body.length).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(attempt.body.equals(first.body)).toBe(true);
      expect(attempt.headers['content-type']).toBe(first.headers['content-type']);
      expect(attempt.url).toBe(first.url);
    }
    const contentType = String(first.headers['content-type']);
    const expected = { json: 'application/json', form: 'application/x-www-form-urlencoded', multipart: 'multipart/form-data; boundary=' };
    expect(contentType.startsWith(expected[call.body as keyof typeof expected])).toBe(true);
    if (call.body === 'multipart') expect(first.body.includes(Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)))).toBe(true);
  });
});

describe.each(VENDORS)('$name: attempts never exceed maxRetries + 1', (vendor) => {
  const calls = [vendor.get, ...vendor.calls.filter((c) => !c.idempotent)];
  it('for any sequence of 503s, rate limits and successes (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('503', 'rate-limit', 'ok'), { maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...calls),
        async (script, maxRetries, call) => {
          server().reset();
          server().enqueue(...script.map((step) => (step === 'ok' ? call.ok : step === '503' ? unavailable() : limited(vendor.rateLimitStatuses[0]))));
          server().fallback = () => call.ok;
          const outcome = await outcomeOf(call.run(server().url, { maxRetries }));
          // The model: replay on a rate limit, and on a 503 when idempotent, while retries remain.
          let attempts = 0;
          let expected: 'ok' | typeof RateLimitError | typeof InternalServerError = 'ok';
          for (;;) {
            const step = script[attempts++] ?? 'ok';
            if (step === 'ok') break;
            const replay = attempts <= maxRetries && (step === 'rate-limit' || call.idempotent);
            if (!replay) {
              expected = step === 'rate-limit' ? RateLimitError : InternalServerError;
              break;
            }
          }
          expect(server().requests.length).toBe(attempts);
          expect(server().requests.length).toBeLessThanOrEqual(maxRetries + 1);
          if (expected === 'ok') expect(outcome).not.toBeInstanceOf(Error);
          else expect(outcome).toBeInstanceOf(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// A Retry-After longer than maxRetryDelayMs is not waited: the RateLimitError is thrown at once, carrying it.
const CAP_MS = 1_500;
const FORMS: { form: string; header: () => string | undefined; asksMs: (fallbackMs: number) => number }[] = [
  { form: 'seconds', header: () => RETRY_AFTER_FORMS.seconds, asksMs: () => 1_000 },
  { form: 'zero', header: () => RETRY_AFTER_FORMS.zero, asksMs: () => 0 },
  { form: 'HTTP date in the past', header: () => RETRY_AFTER_FORMS.pastHttpDate(), asksMs: () => 0 },
  { form: 'HTTP date beyond the cap', header: () => RETRY_AFTER_FORMS.httpDate(Date.now(), 10_000), asksMs: () => 10_000 },
  { form: 'huge', header: () => RETRY_AFTER_FORMS.huge, asksMs: () => 999_999_999_000 },
  { form: 'negative', header: () => RETRY_AFTER_FORMS.negative, asksMs: (fallback) => fallback },
  { form: 'malformed', header: () => RETRY_AFTER_FORMS.malformed, asksMs: (fallback) => fallback },
  { form: 'missing', header: () => undefined, asksMs: (fallback) => fallback },
];

describe.each(VENDORS)('$name: Retry-After in every form, with maxRetryDelayMs', (vendor) => {
  it.each(FORMS)('$form: waits when within the cap, else throws the RateLimitError at once', async ({ header, asksMs }) => {
    for (const status of vendor.rateLimitStatuses) {
      server().reset();
      server().enqueue(reply.status(status, header()), vendor.get.ok);
      const outcome = await outcomeOf(vendor.get.run(server().url, { maxRetries: 2, maxRetryDelayMs: CAP_MS }));
      const asked = asksMs(vendor.rateLimitFallbackMs);
      if (asked <= CAP_MS) {
        expect(outcome).not.toBeInstanceOf(Error);
        expect(server().requests).toHaveLength(2);
      } else {
        expect(outcome).toBeInstanceOf(RateLimitError);
        expect(server().requests).toHaveLength(1);
        // An HTTP date is read against the clock, so it comes back a little shorter than sent.
        expect((outcome as ApiError & { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(CAP_MS);
        expect((outcome as ApiError & { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(asked);
      }
    }
  });

  it('a 503 asking for longer than the cap is thrown at once, not waited', async () => {
    server().enqueue(reply.status(503, '120'), vendor.get.ok);
    const outcome = await outcomeOf(vendor.get.run(server().url, { maxRetries: 2, maxRetryDelayMs: CAP_MS }));
    expect(outcome).toBeInstanceOf(InternalServerError);
    expect(server().requests).toHaveLength(1);
  });

  it('waitOnRateLimit: false throws the first rate limit with what the server asked for', async () => {
    server().enqueue(reply.status(vendor.rateLimitStatuses[0]!, '7'), vendor.get.ok);
    const outcome = await outcomeOf(vendor.get.run(server().url, { waitOnRateLimit: false }));
    expect(outcome).toBeInstanceOf(RateLimitError);
    expect((outcome as RateLimitError).retryAfterMs).toBe(7_000);
    expect(server().requests).toHaveLength(1);
  });
});
