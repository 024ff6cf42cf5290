/**
 * How long the server asked us to wait, from `retry-after-ms` or `Retry-After`.
 * Returns undefined when the server said nothing usable, so the caller falls back to its own delay.
 */

// RFC 9110 §10.2.3: Retry-After is delay-seconds (a non-negative integer) or an HTTP-date.
// Servers also send decimals ("1.5"); we accept them. Seen in the wild: "rand(30),add(30)" (Webex), which is neither.
const DELAY_SECONDS = /^\s*\d+(?:\.\d+)?\s*$/;
// An HTTP-date always names a day or month in letters; this keeps Date.parse away from bare numbers like "-5".
const LOOKS_LIKE_DATE = /[A-Za-z]{3}.*\d|\d.*[A-Za-z]{3}/;
// The obsolete asctime form (`Sun Nov  6 08:49:37 1994`) names no zone but is UTC; Date.parse would read local time.
const ASCTIME_DATE = /^\s*[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\s*$/;

// A delay too long to represent (a few hundred digits) still means "very long": capped, never Infinity.
const finite = (ms: number) => Math.min(ms, Number.MAX_SAFE_INTEGER);

/** Milliseconds to wait as the response headers say, or undefined when they do not say it in a usable form. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  // Not standard, but sent by OpenAI-style and some Webex gateways: the delay in milliseconds.
  const ms = headers.get('retry-after-ms');
  if (ms !== null && DELAY_SECONDS.test(ms)) return finite(Number(ms));

  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (DELAY_SECONDS.test(value)) return finite(Number(value) * 1000);
  if (!LOOKS_LIKE_DATE.test(value)) return undefined;
  const date = Date.parse(ASCTIME_DATE.test(value) ? `${value.trim()} GMT` : value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
