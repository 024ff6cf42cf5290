/**
 * Whether and when to retry a failed attempt. Policy reads like a specification: one rule per line.
 */
import type { ResponseHead } from './sender.js';
import { retryAfterMs } from './retry-after.js';

/** The knobs of the retry policy; every client passes its own. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** Longest single wait, in ms (default 60 000). A server asking for longer gets its error thrown instead. */
  maxRetryDelayMs: number;
  /** Wait and retry on 429 (default true); when false, the 429 is thrown at once with its `retryAfterMs`. */
  waitOnRateLimit: boolean;
  /** Delay used for a rate limit whose Retry-After is missing or malformed (the vendor's documented default). */
  rateLimitFallbackMs: number;
  /** Status codes the vendor uses for rate limiting besides 429 (Statuspage also sends 420, https://developer.statuspage.io/#section/Rate-Limiting). */
  rateLimitStatuses: readonly number[];
  /** First backoff delay for 408/5xx/connection errors (default 500 ms), doubled each retry. */
  initialBackoffMs: number;
  /** Largest backoff delay (default 8 000 ms). */
  maxBackoffMs: number;
}

/** Defaults every client starts from. */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxRetries: 2,
  maxRetryDelayMs: 60_000,
  waitOnRateLimit: true,
  rateLimitFallbackMs: 1_000,
  rateLimitStatuses: [429],
  initialBackoffMs: 500,
  maxBackoffMs: 8_000,
};

/** What the transport knows about one failed attempt. */
export interface FailedAttempt {
  /** Retries already made (0 after the first attempt). */
  retriesSoFar: number;
  /** Whether replaying the request is safe after the server may have acted on it. */
  idempotent: boolean;
  /** The response, when there was one. */
  response?: ResponseHead;
  /** The failure, when there was no response. */
  failure?: 'connection-refused' | 'connection' | 'timeout';
}

/** The verdict: retry after `delayMs`, or give up. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryAfterMs?: number };

/** Exponential backoff with full jitter on the upper half: between 50 % and 100 % of the doubled delay. */
export function backoffMs(retriesSoFar: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.initialBackoffMs * 2 ** retriesSoFar, options.maxBackoffMs);
  return Math.round(ceiling * (1 - 0.5 * random()));
}

/** Applies the rules, in order, to one failed attempt. */
export function decideRetry(
  attempt: FailedAttempt,
  options: RetryOptions,
  now: number = Date.now(),
  random: () => number = Math.random,
): RetryDecision {
  const status = attempt.response?.status;
  const asked = attempt.response ? retryAfterMs(attempt.response.headers, now) : undefined;
  const isRateLimit = status !== undefined && options.rateLimitStatuses.includes(status);
  const backoff = () => backoffMs(attempt.retriesSoFar, options, random);
  const wait = (delayMs: number): RetryDecision =>
    delayMs > options.maxRetryDelayMs ? { retry: false, retryAfterMs: delayMs } : { retry: true, delayMs };

  // Out of retries: give up, passing on what the server asked for.
  if (attempt.retriesSoFar >= options.maxRetries) return giveUp(asked, isRateLimit, options);
  // Rate limited: the server did not act, so any method may be replayed, after the wait it asked for.
  if (isRateLimit && !options.waitOnRateLimit) return giveUp(asked, true, options);
  if (isRateLimit) return wait(asked ?? options.rateLimitFallbackMs);
  // Connection refused: nothing reached the server, so any method may be replayed.
  if (attempt.failure === 'connection-refused') return { retry: true, delayMs: backoff() };
  // Anything else may have been acted on: only idempotent requests are replayed.
  if (!attempt.idempotent) return giveUp(asked, false, options);
  // Connection dropped or attempt timed out.
  if (attempt.failure) return { retry: true, delayMs: backoff() };
  // 408 Request Timeout and every 5xx: transient; honour Retry-After when the server sends one (503 often does).
  if (status === 408 || (status !== undefined && status >= 500)) return wait(asked ?? backoff());
  // Any other status is the caller's to handle (with the Retry-After the server sent, if any).
  return giveUp(asked, false, options);
}

function giveUp(asked: number | undefined, isRateLimit: boolean, options: RetryOptions): RetryDecision {
  if (!isRateLimit) return asked === undefined ? { retry: false } : { retry: false, retryAfterMs: asked };
  return { retry: false, retryAfterMs: asked ?? options.rateLimitFallbackMs };
}
