/**
 * Timers keep their delay in a signed 32-bit integer: a longer one (2^31 ms and up, 24.8 days) fires after 1 ms,
 * with Node's TimeoutOverflowWarning (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args; browsers do
 * the same, https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout#maximum_delay_value). A `timeoutMs`
 * of 2^31 would time every request out at once, and a server's `Retry-After: 3000000` (with a `maxRetryDelayMs`
 * that allows it) would retry at once. Every timer of the core is set through {@link timerDelay}: capped, a wait of
 * 24.8 days stands for any longer one.
 */

/** The longest delay a timer keeps: 2^31 − 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `ms` as a timer can hold it: at most {@link MAX_TIMER_MS}. */
export function timerDelay(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}
