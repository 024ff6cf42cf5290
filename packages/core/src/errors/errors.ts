/**
 * The typed error hierarchy. Every failure a client raises is an {@link ApiClientError}.
 * Errors are built from redacted values only, so `message`, `toString()`, `JSON.stringify` and
 * `util.inspect` never show a token.
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

/** No usable response: the connection failed, was reset, or the body could not be read. */
export class ConnectionError extends ApiClientError {
  override name = 'ConnectionError';
  /** HTTP method, upper case. */
  readonly method: string;
  /** Redacted request URL. */
  readonly url: string;

  constructor(message: string, request: RequestSummary, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.method = request.method;
    this.url = request.url;
  }
}

/** The attempt took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
  /** The limit that was exceeded, in ms. */
  readonly timeoutMs: number;

  constructor(request: RequestSummary, timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms: ${request.method} ${request.url}`, request);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A wait for long-running work ran out of time (VSS `requests.waitFor`): the work had not reached one of the
 * statuses waited for. Also a {@link TimeoutError}.
 */
export class WaitTimeoutError extends TimeoutError {
  override name = 'WaitTimeoutError';
  /** The statuses that were waited for. */
  readonly until: readonly string[];
  /** The last status seen, if any answer came. */
  readonly lastStatus: string | undefined;
  /** The last answer, if any came. */
  readonly last: unknown;

  constructor(request: RequestSummary, timeoutMs: number, until: readonly string[], lastStatus: string | undefined, last: unknown) {
    super(request, timeoutMs);
    this.message = `Waited ${timeoutMs} ms for ${request.method} ${request.url} to be ${until.join(' or ')}; its last status was ${lastStatus ?? 'never seen'}`;
    this.until = until;
    this.lastStatus = lastStatus;
    this.last = last;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class RequestAbortedError extends ApiClientError {
  override name = 'AbortError';
  /** HTTP method, upper case. */
  readonly method: string;
  /** Redacted request URL. */
  readonly url: string;

  constructor(request: RequestSummary, reason: unknown) {
    super(`Request aborted: ${request.method} ${request.url}`, { cause: reason });
    this.method = request.method;
    this.url = request.url;
  }
}

/**
 * A success response whose body is not what the operation promises: JSON that does not parse, an empty body,
 * a media type the operation does not answer in (an HTML error page from a proxy).
 */
export class InvalidResponseError extends ApiClientError {
  override name = 'InvalidResponseError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The body as the server sent it, as text (credentials redacted), so the caller sees what came instead. */
  readonly body: string | undefined;

  constructor(message: string, status: number, options?: { cause?: unknown; body?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.body = options?.body;
  }
}

/** A middleware threw something other than one of our errors; `cause` holds a redacted copy of what it threw. */
export class MiddlewareError extends ApiClientError {
  override name = 'MiddlewareError';
  /** HTTP method, upper case, and the redacted request URL. */
  readonly request: RequestSummary;

  constructor(message: string, request: RequestSummary, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }
}

/** A page sequence the client refuses to follow (cross-origin or repeating next link, too many pages). */
export class PaginationError extends ApiClientError {
  override name = 'PaginationError';
}

/** Everything known about an HTTP error response (all redacted). */
export interface ApiErrorDetails extends RequestSummary {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when the body is not JSON (empty string for an empty body). */
  body: unknown;
  /** The vendor's request or tracking id, when the response carries one. */
  requestId: string | undefined;
  /** A human-readable message the vendor put in the body, when there is one. */
  vendorMessage: string | undefined;
  /** Delay the server asked for before retrying, in ms, when it said. */
  retryAfterMs: number | undefined;
}

/** The server answered with an error status. Subclasses name the meaning of each status. */
export class ApiError extends ApiClientError {
  override name = 'ApiError';
  /** HTTP status code. */
  readonly status: number;
  /** HTTP method, upper case. */
  readonly method: string;
  /** Redacted request URL. */
  readonly url: string;
  /** Response headers, lower-case names, credentials redacted. */
  readonly headers: Record<string, string>;
  /** Parsed JSON body, or raw text when the body is not JSON. */
  readonly body: unknown;
  /** The vendor's request id (Webex `trackingId`, `x-request-id`, …). */
  readonly requestId: string | undefined;
  /** Delay the server asked for, in ms, when it said (Retry-After). */
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails) {
    const reason = details.vendorMessage ?? details.statusText;
    super(`${details.status}${reason ? ` ${reason}` : ''}: ${details.method} ${details.url}`);
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.headers = details.headers;
    this.body = details.body;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 400 Bad Request. */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
/** 401 Unauthorized: the credential is missing, wrong or expired. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
/** 403 Forbidden. */
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
/** 404 Not Found. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
/** 409 Conflict. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
/** 422 Unprocessable Entity. */
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
/** 429 Too Many Requests (or the vendor's other rate-limit status). `retryAfterMs` says how long to wait. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
/** Any 5xx. */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

/** A constructor of an {@link ApiError} subclass. */
export type ApiErrorClass = new (details: ApiErrorDetails) => ApiError;

/** The error class for a status: one class per HTTP meaning, {@link ApiError} for the rest. */
export function apiErrorClassFor(status: number, rateLimitStatuses: readonly number[] = [429]): ApiErrorClass {
  if (rateLimitStatuses.includes(status)) return RateLimitError;
  if (status >= 500) return InternalServerError;
  switch (status) {
    case 400: return BadRequestError;
    case 401: return AuthenticationError;
    case 403: return PermissionDeniedError;
    case 404: return NotFoundError;
    case 409: return ConflictError;
    case 422: return UnprocessableEntityError;
    default: return ApiError;
  }
}

/**
 * A response body larger than `maxResponseBytes` (counted after decompression), stopped while it was read: an
 * endless or inflating body from a hostile or broken server. Not retried.
 */
export class ResponseTooLargeError extends ApiClientError {
  override name = 'ResponseTooLargeError';
  /** HTTP method, upper case. */
  readonly method: string;
  /** Redacted request URL. */
  readonly url: string;
  /** HTTP status of the response whose body was too large. */
  readonly status: number;
  /** The limit that was passed, in bytes. */
  readonly maxResponseBytes: number;

  constructor(request: RequestSummary, status: number, maxResponseBytes: number) {
    super(`The ${status} response of ${request.method} ${request.url} is larger than maxResponseBytes (${maxResponseBytes})`);
    this.method = request.method;
    this.url = request.url;
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}
