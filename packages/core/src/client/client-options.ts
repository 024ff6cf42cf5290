/** The options every vendor client accepts, and how they become transport options. */
import { LOG_LEVELS, type LogLevel } from '../log/attempt-log.js';
import type { ConnectionOptions } from '../transport/connection-options.js';
import { readEnv } from './env.js';
import { STDERR_LOGGER, type Logger } from '../log/logger.js';
import type { Middleware } from '../middleware/middleware.js';
import { RateLimiter, type RateLimitOptions } from '../rate-limit/limiter.js';
import type { RateLimitRule } from '../rate-limit/rule.js';
import type { Redactor } from '../redact/redact.js';
import { DEFAULT_RETRY_OPTIONS } from '../transport/retry-policy.js';
import type { Credential } from '../transport/credential.js';
import type { FetchLike } from '../transport/sender.js';
import type { TransportOptions } from '../transport/transport-options.js';
import { ConfigurationError } from '../errors/api-client-error.js';
import { definedFields } from '../values/defined-fields.js';
import { checkLimit, checkMaxResponseBytes } from '../values/limits.js';
import { wholeNumber } from '../values/whole-number.js';

/** Options common to every `@apiclients` client. */
export interface CommonClientOptions extends ConnectionOptions {
  /** Overrides the vendor's base URL (a mock server, a proxy). */
  baseUrl?: string | undefined;
  /** Longest time one attempt may take, in ms (default 60 000); `0` or `Infinity` sets none. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /** Longest single wait before a retry, in ms (default 60 000). */
  maxRetryDelayMs?: number | undefined;
  /** Wait and retry when rate limited (default true); false throws the RateLimitError at once. */
  waitOnRateLimit?: boolean | undefined;
  /**
   * The fetch to use, called as `fetch(url, init)` (default: undici in Node, globalThis.fetch elsewhere). Given,
   * it is used alone: nothing of undici's, and no `proxy`, `ca`, `cert`, `key` or `connections`.
   */
  fetch?: FetchLike | undefined;
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /** The `User-Agent` header. */
  userAgent?: string | undefined;
  /** Receives redacted debug and retry lines (off by default); `console` fits. */
  logger?: Logger | undefined;
  /**
   * Rate limiting, on by default: requests to the vendor's server wait for their credential's turn where the spec
   * declares the vendor's budget (Statuspage: 1 a second), and a rate-limit answer with `Retry-After` pauses every
   * request of that credential. `{}` applies the spec's budget whatever the `baseUrl` (a mock or test server is
   * not paced otherwise); `{ requests, perMs }` sets another budget; `{ store: redisStore(redis) }` (from
   * `@apiclients/core/redis`) shares budgets across processes; `false` turns all of it off.
   */
  rateLimit?: false | RateLimitOptions | undefined;
  /**
   * Largest response body read, in bytes, after decompression (default 32 MiB: 33 554 432); a larger one is a
   * `ResponseTooLargeError`, stopped while it is read. `Infinity` sets no limit. A call may set its own.
   */
  maxResponseBytes?: number | undefined;
  /**
   * What reaches the logger: `debug` (every attempt, bodies redacted and cut short), `info` (one line per attempt),
   * `warn` (failed attempts and retries) or `off`. Default: the `APICLIENTS_LOG` environment variable, else `debug`
   * when a `logger` is given and `off` when not.
   */
  logLevel?: LogLevel | undefined;
  /** Functions around every attempt of every call, first outermost; `client.use()` adds more. */
  middleware?: readonly Middleware[] | undefined;
}

// The common options that go to the transport as they are, when given.
const PASSED_ON = [
  'timeoutMs', 'maxRetries', 'maxRetryDelayMs', 'waitOnRateLimit', 'fetch', 'headers', 'userAgent', 'logger',
  'proxy', 'ca', 'cert', 'key', 'connections', 'connectTimeoutMs', 'maxResponseBytes', 'middleware',
] as const;

/** Common options plus the vendor's credential and defaults, as {@link TransportOptions}. */
export function transportOptionsFrom(
  options: CommonClientOptions,
  vendor: { credential: Credential; redactor: Redactor; defaults?: Partial<TransportOptions>; rateLimit?: RateLimitRule | null },
): TransportOptions {
  const out: TransportOptions = { ...vendor.defaults, credential: vendor.credential, redactor: vendor.redactor, ...definedFields(options, PASSED_ON) };
  const logLevel = options.logLevel ?? envLogLevel();
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    throw new ConfigurationError(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }
  if (logLevel !== undefined) out.logLevel = logLevel;
  if (logLevel !== undefined && logLevel !== 'off' && !out.logger) out.logger = STDERR_LOGGER;
  if (out.connections !== undefined) wholeNumber('connections', out.connections, 1);
  for (const key of ['timeoutMs', 'maxRetries', 'maxRetryDelayMs', 'connectTimeoutMs'] as const) checkLimit(key, out[key]);
  checkMaxResponseBytes(out.maxResponseBytes);
  if (options.rateLimit !== false) out.rateLimiter = rateLimiterFrom(options.rateLimit ?? {}, vendor.rateLimit ?? null, out);
  return out;
}

function rateLimiterFrom(option: RateLimitOptions, rule: RateLimitRule | null, transport: TransportOptions): RateLimiter {
  const { requests, perMs, windowMs } = option;
  if ((requests === undefined) !== (perMs === undefined)) throw new ConfigurationError('rateLimit needs both requests and perMs, or neither');
  for (const [key, value] of Object.entries({ requests, perMs, windowMs })) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new ConfigurationError(`rateLimit.${key} must be a finite number > 0, got ${String(value)}`);
    }
  }
  return new RateLimiter(
    {
      rule,
      rateLimitStatuses: transport.rateLimitStatuses ?? DEFAULT_RETRY_OPTIONS.rateLimitStatuses,
      fallbackMs: transport.rateLimitFallbackMs ?? DEFAULT_RETRY_OPTIONS.rateLimitFallbackMs,
      maxPauseMs: transport.maxRetryDelayMs ?? DEFAULT_RETRY_OPTIONS.maxRetryDelayMs,
      logger: transport.logger,
    },
    option,
  );
}

/** `APICLIENTS_LOG`, when it names a level; any other value is ignored with a warning (a typo must not stop a program). */
function envLogLevel(): LogLevel | undefined {
  const value = readEnv('APICLIENTS_LOG')?.toLowerCase();
  if (value === undefined) return undefined;
  if (LOG_LEVELS.includes(value as LogLevel)) return value as LogLevel;
  STDERR_LOGGER.warn(`APICLIENTS_LOG=${JSON.stringify(value)} is not one of ${LOG_LEVELS.join(', ')}; ignored`);
  return undefined;
}
