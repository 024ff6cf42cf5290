import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../src/internal.js';

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
const headers = (init: Record<string, string>) => new Headers(init);

describe('retryAfterMs: retry-after-ms', () => {
  it('reads the delay in milliseconds', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '1500' }), NOW)).toBe(1500);
  });

  it('accepts a decimal number of milliseconds', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '12.5' }), NOW)).toBe(12.5);
  });

  it('wins over Retry-After when both are sent', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '30' }), NOW)).toBe(250);
  });

  it('falls through to Retry-After when it is malformed', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': 'soon', 'retry-after': '3' }), NOW)).toBe(3000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '-5', 'retry-after': '3' }), NOW)).toBe(3000);
  });

  it('is undefined when malformed and there is no Retry-After', () => {
    expect(retryAfterMs(headers({ 'retry-after-ms': 'abc' }), NOW)).toBeUndefined();
  });
});

describe('retryAfterMs: Retry-After as seconds', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['30', 30_000],
    ['1.5', 1500],
    [' 2 ', 2000],
  ])('"%s" → %d ms', (value, expected) => {
    expect(retryAfterMs(headers({ 'retry-after': value }), NOW)).toBe(expected);
  });

  it('reads the header case-insensitively', () => {
    expect(retryAfterMs(headers({ 'Retry-After': '4' }), NOW)).toBe(4000);
  });

  it('caps a delay too long to represent (hundreds of digits) at a finite number, in either header', () => {
    const digits = '9'.repeat(400);
    expect(retryAfterMs(headers({ 'retry-after': digits }), NOW)).toBe(Number.MAX_SAFE_INTEGER);
    expect(retryAfterMs(headers({ 'retry-after-ms': digits }), NOW)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('retryAfterMs: Retry-After as an HTTP date', () => {
  it('is the time from `now` until the date (IMF-fixdate)', () => {
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }), NOW)).toBe(5000);
  });

  it('reads the obsolete RFC 850 and asctime forms too (RFC 9110 §5.6.7)', () => {
    const now = Date.parse('Sun, 06 Nov 1994 08:49:30 GMT');
    expect(retryAfterMs(headers({ 'retry-after': 'Sunday, 06-Nov-94 08:49:37 GMT' }), now)).toBe(7000);
    expect(retryAfterMs(headers({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }), now)).toBe(7000);
  });

  it('reads the zone-less asctime form as UTC, whatever the local time zone', () => {
    const saved = process.env.TZ;
    const now = Date.parse('Sun, 06 Nov 1994 08:49:30 GMT');
    try {
      for (const zone of ['America/New_York', 'Asia/Kolkata', 'UTC']) {
        process.env.TZ = zone;
        expect(retryAfterMs(headers({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }), now), zone).toBe(7000);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('is 0 for a date in the past, never negative', () => {
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }), NOW)).toBe(0);
  });

  it('uses the clock it is given, not the real one', () => {
    const later = NOW + 2000;
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }), later)).toBe(3000);
  });
});

describe('retryAfterMs: nothing usable', () => {
  it('is undefined without either header', () => {
    expect(retryAfterMs(headers({}), NOW)).toBeUndefined();
  });

  it.each(['rand(30),add(30)', '-5', '', 'soon', '1e3', 'Infinity', 'NaN', '5 minutes', 'Mon, 32 Oct 2015 07:28:00 GMT'])(
    'is undefined for the malformed value %j',
    (value) => {
      expect(retryAfterMs(headers({ 'retry-after': value }), NOW)).toBeUndefined();
    },
  );
});
