/** The options every vendor client accepts, and how they become transport options. */
import type { Logger } from './logger.js';
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
  /** Receives redacted debug and retry lines (off by default); `console` fits. */
  logger?: Logger | undefined;
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

