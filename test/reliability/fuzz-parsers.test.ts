/**
 * Property 6, parsers fuzzed (fast-check), adding to the package fuzz tests: inputs over the whole of Unicode,
 * the retry policy fed by the Retry-After parser, and VSS filters whose values try to inject clauses.
 * No exception escapes any of them but the documented ConfigurationError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, decideRetry, DEFAULT_RETRY_OPTIONS, nextLink, parseLinkHeader, retryAfterMs } from '@apiclients/core/internal';
import { FILTER_OPERATORS, filterParam } from '@apiclients/vss';

const RUNS = { numRuns: 2_000 };
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const linkish = fc.string({ unit: fc.constantFrom(...'<>;,="\\ \t'.split(''), 'rel', 'next', 'https://a.test/', '../', '?', '&', '#', '%', 'é', '\u0000'), maxLength: 60 });

/** Headers refuse some values (control characters, non-Latin-1); fetch would never deliver those. */
function headersWith(entries: [string, string][]): Headers | undefined {
  try {
    return new Headers(entries);
  } catch {
    return undefined;
  }
}

describe('Link header parser', () => {
  it('never throws on any Unicode or link-shaped text; each link has a string URL and lower-case rels', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(300), linkish), (value) => {
        for (const link of parseLinkHeader(value)) {
          expect(typeof link.url).toBe('string');
          for (const rel of link.rel) expect(rel).toBe(rel.toLowerCase());
        }
        const next = nextLink(value);
        expect(next === null || typeof next === 'string').toBe(true);
      }),
      RUNS,
    );
  });
});

describe('Retry-After parser and the retry policy', () => {
  const options = fc.record({
    maxRetries: fc.integer({ min: 0, max: 5 }),
    maxRetryDelayMs: fc.integer({ min: 0, max: 120_000 }),
    waitOnRateLimit: fc.boolean(),
    rateLimitFallbackMs: fc.integer({ min: 0, max: 60_000 }),
  });
  const retryAfter = fc.oneof(anyText(40), fc.integer().map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()), fc.constantFrom('1e400', '9'.repeat(400), '0.0000001', ' 7 '));

  it('reads any header as undefined or a finite number of ms ≥ 0, never throwing', () => {
    fc.assert(
      fc.property(retryAfter, fc.option(anyText(20)), (value, ms) => {
        const headers = headersWith([['retry-after', value], ...(ms === null ? [] : [['retry-after-ms', ms] as [string, string]])]);
        if (!headers) return;
        const result = retryAfterMs(headers);
        if (result !== undefined) expect(Number.isFinite(result) && result >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('never waits beyond maxRetryDelayMs, never retries past maxRetries, never replays a non-idempotent 5xx or drop', () => {
    fc.assert(
      fc.property(
        options,
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.oneof(fc.constantFrom(408, 420, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 }), fc.constantFrom('connection', 'connection-refused', 'timeout')),
        retryAfter,
        (custom, retriesSoFar, idempotent, outcome, value) => {
          const policy = { ...DEFAULT_RETRY_OPTIONS, ...custom, rateLimitStatuses: [420, 429] };
          const headers = headersWith([['retry-after', value]]) ?? new Headers();
          const attempt = typeof outcome === 'number'
            ? { retriesSoFar, idempotent, response: new Response(null, { status: outcome, headers }) }
            : { retriesSoFar, idempotent, failure: outcome as 'connection' | 'connection-refused' | 'timeout' };
          const decision = decideRetry(attempt, policy, Date.now(), Math.random);
          if (!decision.retry) return;
          expect(retriesSoFar).toBeLessThan(policy.maxRetries);
          expect(Number.isFinite(decision.delayMs) && decision.delayMs >= 0).toBe(true);
          const rateLimited = typeof outcome === 'number' && [420, 429].includes(outcome);
          if (rateLimited) expect(decision.delayMs).toBeLessThanOrEqual(policy.maxRetryDelayMs);
          if (!idempotent) expect(rateLimited || outcome === 'connection-refused').toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('VSS filter builder', () => {
  const clause = fc.tuple(anyText(12), fc.oneof(fc.constantFrom(...FILTER_OPERATORS), anyText(4)), fc.oneof(anyText(12), fc.integer(), fc.boolean(), fc.array(anyText(6), { maxLength: 3 })));

  it('either refuses with a ConfigurationError or writes exactly the clauses given: no value injects another', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 4 }), (clauses) => {
        let text: string;
        try {
          text = filterParam(clauses as never);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigurationError);
          return;
        }
        const written = text.split(';');
        expect(written).toHaveLength(clauses.length);
        written.forEach((part, i) => {
          const [field, operator, value] = clauses[i]!;
          const values = Array.isArray(value) ? value.map(String) : [String(value)];
          expect(part.split(',')).toEqual([field, operator, ...values]);
        });
      }),
      RUNS,
    );
  });
});
