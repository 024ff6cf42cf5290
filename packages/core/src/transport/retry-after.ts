/**
 * How long the server asked us to wait, from `retry-after-ms` or `Retry-After`.
 * Returns undefined when the server said nothing usable, so the caller falls back to its own delay.
 */

// RFC 9110 §10.2.3: Retry-After is delay-seconds (a non-negative integer) or an HTTP-date.
// Servers also send decimals ("1.5"); we accept them. Seen in the wild: "rand(30),add(30)" (Webex), which is neither
// (https://github.com/WebexCommunity/WebexPythonSDK/pull/262).
const DELAY_SECONDS = /^\s*\d+(?:\.\d+)?\s*$/;
// An HTTP-date always names a day or month in letters and holds digits; this keeps Date.parse away from bare
// numbers like "-5". Two separate searches: one pattern `letters.*digit|digit.*letters` is quadratic on a long
// header (each start scans to the end), and holding both is the same thing as holding them in either order.
const THREE_LETTERS = /[A-Za-z]{3}/;
const DIGIT = /\d/;
const looksLikeDate = (value: string) => THREE_LETTERS.test(value) && DIGIT.test(value);
// An HTTP-date is 29 characters (RFC 9110 §5.6.7); anything much longer is not one, and is not handed to Date.parse.
const MAX_DATE_LENGTH = 64;
// The obsolete asctime form (`Sun Nov  6 08:49:37 1994`) names no zone but is UTC; Date.parse would read local time.
const ASCTIME_DATE = /^\s*[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\s*$/;

// A delay too long to represent (a few hundred digits) still means "very long": capped, never Infinity.
const finite = (ms: number) => Math.min(ms, Number.MAX_SAFE_INTEGER);

/** Milliseconds to wait as the response headers say, or undefined when they do not say it in a usable form. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  // Not standard, but read first by the Stainless-generated SDKs (openai-node, anthropic-sdk-typescript): the delay
  // in milliseconds.
  const ms = headers.get('retry-after-ms');
  if (ms !== null && DELAY_SECONDS.test(ms)) return finite(Number(ms));

  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (DELAY_SECONDS.test(value)) return finite(Number(value) * 1000);
  if (value.length > MAX_DATE_LENGTH || !looksLikeDate(value)) return undefined;
  const date = Date.parse(ASCTIME_DATE.test(value) ? `${value.trim()} GMT` : value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
