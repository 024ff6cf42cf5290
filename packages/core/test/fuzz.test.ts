/**
 * Property-based tests (fast-check) of the parsers that read what servers send: no input makes them throw,
 * and redaction always removes the token.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextLink, parseLinkHeader, REDACTED, Redactor, retryAfterMs } from '../src/internal.js';

const RUNS = { numRuns: 1_000 };

describe('parseLinkHeader', () => {
  it('never throws, and every link it returns has a URL and a rel list', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'<>;,="\\ rel=next https://a.test/?x&y '.split('')), maxLength: 200 }), (header) => {
        for (const link of parseLinkHeader(header)) {
          expect(typeof link.url).toBe('string');
          expect(Array.isArray(link.rel)).toBe(true);
        }
        nextLink(header);
      }),
      RUNS,
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (header) => void parseLinkHeader(header)), RUNS);
  }, 60_000);

  it('finds the next URL of any well-formed header, verbatim', () => {
    const url = fc.webUrl({ withQueryParameters: true }).filter((u) => !/[<>,;]/.test(u));
    fc.assert(
      fc.property(url, url, (next, prev) => {
        expect(nextLink(`<${prev}>; rel="prev", <${next}>; rel="next"`)).toBe(next);
      }),
      RUNS,
    );
  }, 60_000);
});

describe('retryAfterMs', () => {
  it('never throws and is undefined or a finite, non-negative number of ms', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.option(fc.string({ maxLength: 20 })), (value, ms) => {
        const headers = new Headers();
        try {
          headers.set('retry-after', value);
          if (ms !== null) headers.set('retry-after-ms', ms);
        } catch {
          return; // not a valid header value at all: fetch would never deliver it
        }
        const result = retryAfterMs(headers, Date.UTC(2026, 10, 25));
        if (result !== undefined) expect(Number.isFinite(result) && result >= 0).toBe(true);
      }),
      RUNS,
    );
  }, 60_000);

  it('reads any whole number of seconds exactly', () => {
    fc.assert(fc.property(fc.nat(100_000), (seconds) => {
      expect(retryAfterMs(new Headers({ 'retry-after': String(seconds) }))).toBe(seconds * 1000);
    }), RUNS);
  }, 60_000);
});

describe('Redactor', () => {
  const token = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~'.split('')), minLength: 8, maxLength: 60 });
  it('removes a registered token from any text, URL query and header around it', () => {
    fc.assert(
      fc.property(token, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (secret, before, after) => {
        const redactor = new Redactor([secret]);
        expect(redactor.text(`${before}${secret}${after}`)).not.toContain(secret);
        const url = redactor.url(`https://api.example.test/v1/x?token=${encodeURIComponent(secret)}&q=${encodeURIComponent(before)}`);
        expect(url).not.toContain(secret);
        expect(url).toContain(`token=${REDACTED}`);
        expect(Object.values(redactor.headers({ authorization: `Bearer ${secret}`, 'x-echo': `${before}${secret}` })).join(' ')).not.toContain(secret);
      }),
      RUNS,
    );
  }, 60_000);

  it('never throws on arbitrary URLs and text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const redactor = new Redactor(['s3cr3t-token']);
      redactor.url(text);
      redactor.text(text);
    }), RUNS);
  }, 60_000);
});
