/** The options of {@link createTransport}: vendors set defaults, users override. */
import type { ErrorShape } from '../errors/api-error-from-response.js';
import type { LogLevel } from '../log/attempt-log.js';
import type { Logger } from '../log/logger.js';
import type { Middleware } from '../middleware/middleware.js';
import type { RateLimiter } from '../rate-limit/limiter.js';
import type { Redactor } from '../redact/redact.js';
import type { ConnectionOptions } from './connection-options.js';
import type { Credential } from './credential.js';
import type { RetryOptions } from './retry-policy.js';
import type { FetchLike, Sender } from './sender.js';
import type { createTransport, Transport } from './transport.js';

/** Options of {@link createTransport}; vendors set defaults, users override. */
export interface TransportOptions extends Partial<RetryOptions>, ConnectionOptions {
  /**
   * The fetch to call (default: globalThis.fetch, or undici in Node's entry); it is called as `fetch(url, init)`,
   * like the platform's. Given, it is used alone: nothing of the Node transport (pool, proxy, TLS options) applies.
   */
  fetch?: FetchLike;
  /** What puts requests on the wire (default: a sender over `fetch`); the Node entry passes one on undici. */
  sender?: Sender;
  /**
   * Longest time one attempt may take, redirects and body included, in ms (default 60 000). `0` (as for Node's
   * http and undici) or `Infinity` sets no timeout: no timer, and no signal of ours goes to fetch.
   */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes, counted after decompression (default 32 MiB); a larger one is a
   * {@link ResponseTooLargeError}, stopped while it is read. `Infinity` sets no limit.
   */
  maxResponseBytes?: number;
  /** Headers added to every request unless it sets them. */
  headers?: Record<string, string>;
  /** The `User-Agent` header. */
  userAgent?: string;
  /** The client's credential. */
  credential?: Credential;
  /** Functions around every attempt, first outermost (more with {@link Transport.use}). */
  middleware?: readonly Middleware[];
  /** Receives redacted debug and retry lines; off by default. */
  logger?: Logger;
  /** Paces each attempt by its credential's budget and pauses them all on a rate-limit answer; none by default. */
  rateLimiter?: RateLimiter | undefined;
  /** What reaches the logger (default `debug`: everything, bodies included; `off` when there is no logger). */
  logLevel?: LogLevel;
  /** Redacts errors and log lines; the transport registers its credential with it. */
  redactor?: Redactor;
  /** How the vendor's error responses look. */
  errorShape?: Partial<ErrorShape>;
  /** Injected for tests: waiting, randomness and the clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}
