/**
 * The base of the typed error hierarchy: every failure a client raises is an {@link ApiClientError}. Errors are
 * built from redacted values only, so `message`, `toString()`, `JSON.stringify` and `util.inspect` never show a
 * token. The errors of a request are in request-errors.ts, those of an HTTP error answer in api-errors.ts.
 */
import { boundedCopy } from './bounded-copy.js';

/** Base class of every error the clients raise. */
export class ApiClientError extends Error {
  override name = 'ApiClientError';

  /**
   * A plain, redacted view for logs and `JSON.stringify`, bounded in depth and size (a body nested 20 000 deep or
   * 30 MB long is cut, with a marker, rather than throwing or filling the log).
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== 'name') out[key] = value;
    return boundedCopy(out) as Record<string, unknown>;
  }
}

/** Bad options or a missing credential, raised before any request is made. */
export class ConfigurationError extends ApiClientError {
  override name = 'ConfigurationError';
}

/** What every request-bound error records about the request (already redacted). */
export interface RequestSummary {
  /** HTTP method, upper case. */
  method: string;
  /** Request URL with secrets replaced by `[REDACTED]`. */
  url: string;
}

/** A page sequence the client refuses to follow (cross-origin or repeating next link, too many pages). */
export class PaginationError extends ApiClientError {
  override name = 'PaginationError';
}
