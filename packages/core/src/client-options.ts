/** The options every vendor client accepts, and how they become transport options. */
import { LOG_LEVELS, type LogLevel } from './attempt-log.js';
import { readEnv } from './env.js';
import { STDERR_LOGGER, type Logger } from './logger.js';
import type { Middleware } from './middleware.js';
import type { Redactor } from './redact.js';
import type { Credential, FetchLike, TransportOptions } from './transport.js';
import { ConfigurationError } from './errors.js';

/** Options common to every `@apiclients` client. */
export interface CommonClientOptions {
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
  /** The fetch to use (default globalThis.fetch), called as `fetch(url, init)`. */
  fetch?: FetchLike | undefined;
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /** The `User-Agent` header. */
  userAgent?: string | undefined;
  /**
   * Receives the redacted log lines (`{ debug, info?, warn }`; `console` fits). Without one, `logLevel` or
   * `APICLIENTS_LOG` writes to standard error.
   */
  logger?: Logger | undefined;
  /**
   * `debug` (every attempt, bodies redacted and cut short), `info` (one line per attempt), `warn` (failed
   * attempts and retries) or `off`. Default: the `APICLIENTS_LOG` environment variable, else `debug` when a
   * `logger` is given and `off` when not.
   */
  logLevel?: LogLevel | undefined;
  /** Functions around every attempt of every call, first outermost; `client.use()` adds more. */
  middleware?: readonly Middleware[] | undefined;
}

/** Common options plus the vendor's credential and defaults, as {@link TransportOptions}. */
export function transportOptionsFrom(
  options: CommonClientOptions,
  vendor: { credential: Credential; redactor: Redactor; defaults?: Partial<TransportOptions> },
): TransportOptions {
  const out: TransportOptions = { ...vendor.defaults, credential: vendor.credential, redactor: vendor.redactor };
  const keys = ['timeoutMs', 'maxRetries', 'maxRetryDelayMs', 'waitOnRateLimit', 'fetch', 'headers', 'userAgent', 'logger', 'middleware'] as const;
  for (const key of keys) if (options[key] !== undefined) Object.assign(out, { [key]: options[key] });
  const logLevel = options.logLevel ?? envLogLevel();
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    throw new ConfigurationError(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }
  if (logLevel !== undefined) out.logLevel = logLevel;
  if (logLevel !== undefined && logLevel !== 'off' && !out.logger) out.logger = STDERR_LOGGER;
  for (const key of ['timeoutMs', 'maxRetries', 'maxRetryDelayMs'] as const) {
    const value = out[key];
    // Only the timeout may be endless (`Infinity`: no timeout); an endless retry count or wait is a mistake.
    const endless = key === 'timeoutMs' && value === Infinity;
    if (value !== undefined && !endless && (!Number.isFinite(value) || value < 0)) {
      throw new ConfigurationError(`${key} must be a finite number ≥ 0, got ${value}`);
    }
  }
  return out;
}


/** `APICLIENTS_LOG`, when it names a level; any other value is ignored with a warning (a typo must not stop a program). */
function envLogLevel(): LogLevel | undefined {
  const value = readEnv('APICLIENTS_LOG')?.toLowerCase();
  if (value === undefined) return undefined;
  if (LOG_LEVELS.includes(value as LogLevel)) return value as LogLevel;
  STDERR_LOGGER.warn(`APICLIENTS_LOG=${JSON.stringify(value)} is not one of ${LOG_LEVELS.join(', ')}; ignored`);
  return undefined;
}
