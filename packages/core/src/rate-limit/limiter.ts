/**
 * The rate limiter: before each attempt a request waits for its credential's turn (paced by the spec's
 * `x-apiclients-rate-limit` or the `rateLimit` option, in order, honouring the call's signal and its own
 * timeout), and a rate-limit answer with `Retry-After` pauses every request of that credential, not only the one
 * refused. Budgets live in a {@link RateLimitStore}: in the process by default, or shared through Redis.
 */
import { RequestAbortedError, TimeoutError } from '../errors/request-errors.js';
import { type RequestSummary } from '../errors/api-client-error.js';
import type { Logger } from '../log/logger.js';
import { retryAfterMs } from '../transport/retry-after.js';
import { timerDelay } from '../transport/timer-delay.js';
import { memoryStore } from './memory-store.js';
import { spacingMs, type RateLimitRule } from './rule.js';
import type { RateLimitStore } from './store.js';
import { WaiterQueue, type Waiter } from './waiter-queue.js';

/** The `rateLimit` client option: overrides the spec's budget, or picks the store. `false` turns limiting off. */
export interface RateLimitOptions {
  /** Requests allowed per `perMs`, instead of the spec's (with `perMs`). */
  requests?: number | undefined;
  /** The period of `requests`, in ms. */
  perMs?: number | undefined;
  /** The vendor's rolling window, in ms (default `perMs`). */
  windowMs?: number | undefined;
  /** Where budgets are kept (default: this client's own memory; `redisStore(client)` shares them across processes). */
  store?: RateLimitStore | undefined;
}

/** What the limiter needs beyond the caller's option. */
export interface RateLimiterSetup {
  /** The spec's budget for every request of a credential, or null (only pauses then). */
  rule: RateLimitRule | null;
  /** The statuses that mean "rate limited" (429, and Statuspage's 420: https://developer.statuspage.io/#section/Rate-Limiting). */
  rateLimitStatuses: readonly number[];
  /** The pause when such an answer has no usable `Retry-After`. */
  fallbackMs: number;
  /** The longest pause (the client's `maxRetryDelayMs`): a server asking for longer holds no one past it. */
  maxPauseMs?: number | undefined;
  /** Where a shared store's failure is reported, once (default `console`). */
  logger?: Logger | undefined;
  now?: () => number;
}

/** The limits a waiting call honours, and how its errors name it. */
export interface WaitLimits {
  signal?: AbortSignal | undefined;
  /** The call's own timeout, in ms (`0` or `Infinity`: none). */
  timeoutMs?: number | undefined;
  summary: () => RequestSummary;
}

/** A stricter budget of one operation, counted on top of the credential's. */
export interface OperationBudget {
  /** The bucket's name (the operation's). */
  name: string;
  rule: RateLimitRule;
}

/** A credential as the limiter knows it: its value (kept in memory only, like the transport's own). */
type CredentialValue = string;

// After a shared store fails, the in-process store serves for this long before the shared one is tried again.
const RETRY_STORE_AFTER_MS = 5_000;
const GLOBAL = '*';

/** The limiter of one client. */
export class RateLimiter {
  private readonly spacing: number;
  private readonly store: RateLimitStore;
  private readonly local: RateLimitStore | undefined;
  private readonly queues = new Map<string, WaiterQueue>();
  // Each credential's key in the store: a SHA-256 for a shared store (no secret leaves the process), a counter
  // for the in-process one (no hashing, and no WebCrypto needed: browsers lack it on plain-http pages).
  private readonly keys = new Map<CredentialValue, string>();
  private readonly pendingDigests = new Map<CredentialValue, Promise<void>>();
  private counter = 0;
  private readonly now: () => number;
  private localUntil = 0;
  private warned = false;

  constructor(
    private readonly setup: RateLimiterSetup,
    options: RateLimitOptions = {},
  ) {
    this.now = setup.now ?? Date.now;
    const rule = options.requests !== undefined && options.perMs !== undefined ? ruleOf(options) : setup.rule;
    this.spacing = rule ? spacingMs(rule) : 0;
    this.store = options.store ?? memoryStore(this.now);
    // A shared store falls back to this one when it fails (fail-open, documented).
    this.local = options.store ? memoryStore(this.now) : undefined;
  }

  /**
   * Waits for the credential's turn (and the operation's, when it has its own budget). Answers undefined at once
   * when the turn is now and the store answers in the process; rejects with a RequestAbortedError or TimeoutError.
   */
  acquire(credential: { value: string } | null | undefined, operation: OperationBudget | undefined, limits: WaitLimits): Promise<void> | undefined {
    if (!credential) return undefined;
    const digest = this.keys.get(credential.value) ?? this.localKey(credential.value);
    if (digest === undefined) return this.digestOf(credential.value).then(() => this.acquire(credential, operation, limits));
    return this.acquireAs(digest, operation, limits);
  }

  private acquireAs(digest: string, operation: OperationBudget | undefined, limits: WaitLimits): Promise<void> | undefined {
    if (!operation) return this.enter(`{${digest}}:${GLOBAL}`, this.spacing, limits);
    const own = this.enter(`{${digest}}:${operation.name}`, spacingMs(operation.rule), limits);
    const global = () => this.enter(`{${digest}}:${GLOBAL}`, this.spacing, limits);
    return own ? own.then(global) : global();
  }

  /** Pauses every request of the credential when `response` says it is rate limited, for as long as it asks. */
  observe(credential: { value: string } | null | undefined, response: { readonly status: number; readonly headers: Headers }): void {
    if (!credential || !this.setup.rateLimitStatuses.includes(response.status)) return;
    const digest = this.keys.get(credential.value);
    if (digest === undefined) return;
    // As long as the server asks, up to the longest wait the client would retry after.
    const ms = Math.min(retryAfterMs(response.headers, this.now()) ?? this.setup.fallbackMs, this.setup.maxPauseMs ?? Infinity);
    const key = `{${digest}}:${GLOBAL}`;
    void this.call(
      (store) => store.pause(key, ms),
      (store) => store.pause(key, ms) as void,
    );
  }

  private localKey(value: string): string | undefined {
    if (this.local !== undefined) return undefined;
    const key = `c${++this.counter}`;
    this.keys.set(value, key);
    return key;
  }

  // The credential's SHA-256, computed once (concurrent first calls share one computation).
  private digestOf(value: string): Promise<void> {
    let pending = this.pendingDigests.get(value);
    if (pending === undefined) {
      pending = crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)).then((buffer) => {
        this.keys.set(value, Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join(''));
        this.pendingDigests.delete(value);
      });
      this.pendingDigests.set(value, pending);
    }
    return pending;
  }

  private enter(key: string, spacing: number, limits: WaitLimits): Promise<void> | undefined {
    let queue = this.queues.get(key);
    let first: number | Promise<number> | undefined;
    // Nobody waits: ask the store at once (the in-process store answers without a promise, so a call that never
    // waits costs a map lookup).
    if (queue === undefined || queue.idle()) {
      first = this.take(key, spacing);
      if (first === 0) return undefined;
      if (queue === undefined) this.queues.set(key, (queue = new WaiterQueue()));
    }
    const waiting = waitFor(queue, limits);
    if (first !== undefined || (!queue.busy && queue.timer === undefined)) void this.pump(key, queue, spacing, first);
    return waiting;
  }

  /** Lets the bucket's waiters go, one turn at a time, in order. */
  private async pump(key: string, queue: WaiterQueue, spacing: number, first?: number | Promise<number>): Promise<void> {
    queue.busy = true;
    try {
      for (let answer = first; queue.first() !== undefined; answer = undefined) {
        const wait = await (answer ?? this.take(key, spacing));
        if (wait > 0) {
          queue.timer = setTimeout(() => {
            queue.timer = undefined;
            void this.pump(key, queue, spacing);
          }, timerDelay(wait));
          return;
        }
        queue.grantFirst();
      }
      if (this.queues.get(key) === queue) this.queues.delete(key);
    } finally {
      queue.busy = false;
    }
  }

  private take(key: string, spacing: number): number | Promise<number> {
    return this.call(
      (store) => store.take(key, spacing),
      (store) => store.take(key, spacing) as number,
    );
  }

  /** Runs `use` on the store; when a shared store fails, on the in-process one, saying so once. */
  private call<T>(use: (store: RateLimitStore) => T | Promise<T>, fallback: (store: RateLimitStore) => T): T | Promise<T> {
    const local = this.local;
    if (local === undefined) return use(this.store);
    if (this.now() < this.localUntil) return fallback(local);
    const failOver = (error: unknown): T => {
      this.localUntil = this.now() + RETRY_STORE_AFTER_MS;
      if (!this.warned) {
        this.warned = true;
        const message = error instanceof Error ? error.message : String(error);
        (this.setup.logger ?? console).warn(`rate limit store failed (${message}); limiting in this process only until it answers again`);
      }
      return fallback(local);
    };
    try {
      const answer = use(this.store);
      return answer instanceof Promise ? answer.catch(failOver) : answer;
    } catch (error) {
      return failOver(error);
    }
  }
}

function ruleOf(options: RateLimitOptions): RateLimitRule {
  return { requests: options.requests as number, perMs: options.perMs as number, ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }) };
}

/** A waiter for the call: granted by the pump, or given up by the call's signal or timeout. */
function waitFor(queue: WaiterQueue, { signal, timeoutMs, summary }: WaitLimits): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new RequestAbortedError(summary(), signal.reason));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waiter: Waiter & { settled: boolean } = {
      settled: false,
      grant() {
        if (waiter.settled) return false;
        end();
        resolve();
        return true;
      },
    };
    const end = () => {
      waiter.settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(new RequestAbortedError(summary(), signal?.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs > 0 && timeoutMs !== Infinity) {
      timer = setTimeout(() => {
        end();
        reject(new TimeoutError(summary(), timeoutMs));
      }, timerDelay(timeoutMs));
    }
    queue.push(waiter);
  });
}
