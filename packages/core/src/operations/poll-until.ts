/**
 * Waiting for long-running work: asks for a resource again and again, the pause growing by half each time up to a
 * ceiling, until its status is one of those waited for, the time runs out ({@link WaitTimeoutError}, with the
 * last status seen), or the caller's signal aborts ({@link RequestAbortedError}). Each ask goes through the
 * client's transport as any call does (its own retries and timeout), aborted too when the time runs out.
 */
import { RequestAbortedError, WaitTimeoutError } from '../errors/request-errors.js';
import { type RequestSummary } from '../errors/api-client-error.js';
import { sleep as defaultSleep } from '../transport/sleep.js';
import { timerDelay } from '../transport/timer-delay.js';

/** How long and how often to ask. */
export interface PollOptions<Status extends string = string> {
  /** The statuses that end the wait. */
  until?: readonly Status[];
  /** The first pause between two asks, in ms (default 1 000); each pause is half again as long as the last. */
  intervalMs?: number;
  /** The longest pause between two asks, in ms (default 15 000). */
  maxIntervalMs?: number;
  /** The longest wait in all, in ms (default 600 000: ten minutes); then a {@link WaitTimeoutError}. */
  timeoutMs?: number;
  /** Aborts the wait (and the ask under way). */
  signal?: AbortSignal;
}

/** What {@link pollUntil} asks and how it reads the answer. */
export interface Poll<T, Status extends string> {
  /** Asks once; `signal` aborts when the caller aborts or the time runs out. */
  ask: (signal: AbortSignal) => Promise<T>;
  /** The status of an answer. */
  statusOf: (answer: T) => Status | undefined;
  /** The statuses waited for when the options name none. */
  until: readonly Status[];
  /** The request asked, for errors: method and URL (no secret). */
  request: RequestSummary;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Asks until the answer's status is one of `until`; resolves with that answer. */
export async function pollUntil<T, Status extends string>(poll: Poll<T, Status>, options: PollOptions<Status> = {}): Promise<T> {
  const until = options.until ?? poll.until;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const maxIntervalMs = options.maxIntervalMs ?? 15_000;
  let intervalMs = Math.min(options.intervalMs ?? 1_000, maxIntervalMs);
  const wait = poll.sleep ?? defaultSleep;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timerDelay(timeoutMs));
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let lastStatus: Status | undefined;
  let last: T | undefined;
  const stopped = (error?: unknown) => {
    if (options.signal?.aborted) return error instanceof RequestAbortedError ? error : new RequestAbortedError(poll.request, options.signal.reason);
    if (deadline.signal.aborted) return new WaitTimeoutError(poll.request, timeoutMs, until, lastStatus, last);
    return error;
  };
  try {
    for (;;) {
      try {
        last = await poll.ask(signal);
      } catch (error) {
        throw stopped(error);
      }
      lastStatus = poll.statusOf(last);
      if (lastStatus !== undefined && until.includes(lastStatus)) return last;
      try {
        await wait(intervalMs, signal);
      } catch (error) {
        throw stopped(error);
      }
      intervalMs = Math.min(Math.round(intervalMs * 1.5), maxIntervalMs);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Several waits at once, their answers in order; the first to fail ends the others. */
export async function pollAll<T>(waits: readonly ((signal: AbortSignal) => Promise<T>)[], signal?: AbortSignal): Promise<T[]> {
  const all = new AbortController();
  const each = signal ? AbortSignal.any([signal, all.signal]) : all.signal;
  try {
    return await Promise.all(
      waits.map((run) =>
        run(each).catch((error: unknown) => {
          all.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    all.abort();
  }
}
