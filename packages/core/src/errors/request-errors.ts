/** The errors of a request that ended without a usable answer, each recording the (redacted) request. */
import { ApiClientError, type RequestSummary } from './api-client-error.js';

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
