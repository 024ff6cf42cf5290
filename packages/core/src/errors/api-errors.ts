/** The errors of an HTTP error answer: {@link ApiError}, one subclass per HTTP meaning, and the class for a status. */
import { ApiClientError, type RequestSummary } from './api-client-error.js';

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
  /** What the vendor's documentation says about this answer, when the client knows (added to the message). */
  hint?: string | undefined;
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
    super(`${details.status}${reason ? ` ${reason}` : ''}: ${details.method} ${details.url}${details.hint ? ` (${details.hint})` : ''}`);
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
