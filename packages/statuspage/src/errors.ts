/**
 * Statuspage's error classes, named as python-statuspageio names them (statuspageio.errors): `BaseError` with
 * `httpStatus`, `errors` and `logref`; `RequestError` (4xx), `ResourceError` (422), `ServerError` (5xx),
 * `RateLimitError` (420 and 429: Statuspage answers its 1 request/second limit with either; python-statuspageio's client
 * took 429 for a request error). Each error is also the core's class for its status (`NotFoundError`,
 * `RateLimitError`, …), so code written against `@apiclients/core` catches it too.
 */
import { ApiError, boundedCopy, vendorErrors, type ApiErrorDetails } from '@apiclients/core/internal';
import type { components } from './generated.js';

/** A Statuspage error body as the spec describes it (`Error`), or the raw text when the body was not JSON. */
export type StatuspageErrorBody = components['schemas']['Error'] | string;

/** The statuses Statuspage uses for its rate limit. */
export const RATE_LIMIT_STATUSES = [420, 429] as const;

// python-statuspageio reads an `errors` list; the API's own body is `{ message }`: both become `errors`.
function errorsOf(body: unknown): string[] {
  if (body === null || typeof body !== 'object') return typeof body === 'string' && body !== '' ? [body] : [];
  const { errors, message, error } = body as { errors?: unknown; message?: unknown; error?: unknown };
  // Bounded: a hostile body nested thousands deep would make JSON.stringify throw a RangeError (issue 22).
  if (Array.isArray(errors)) return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(boundedCopy(e))));
  if (typeof message === 'string') return [message];
  if (typeof error === 'string') return [error];
  return [];
}

/** The classes the transport builds Statuspage errors with. */
export const statuspageErrors = vendorErrors('statuspage', {
  rateLimitStatuses: RATE_LIMIT_STATUSES,
  fields: (details: ApiErrorDetails) => ({
    httpStatus: details.status,
    errors: errorsOf(details.body),
    logref: details.requestId,
    retryAfter: details.retryAfterMs === undefined ? undefined : details.retryAfterMs / 1000,
  }),
});

const isRateLimit = (status: number) => (RATE_LIMIT_STATUSES as readonly number[]).includes(status);

/** Any error Statuspage's servers returned. */
export class BaseError extends ApiError {
  /** The body: parsed JSON (the spec's `Error`), or the raw text (empty, HTML) when it was not JSON. */
  declare readonly body: StatuspageErrorBody;
  /** HTTP status code (python-statuspageio's `http_status`). */
  declare readonly httpStatus: number;
  /** The messages of the error body (`errors`, or `[message]`). */
  declare readonly errors: string[];
  /** The request's unique identifier, when the response carries one. */
  declare readonly logref: string | undefined;
  /** Seconds to wait before retrying, when the server said (rate limits). */
  declare readonly retryAfter: number | undefined;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return statuspageErrors.raisedBy(value);
  }
}

/** The request was invalid: bad query parameter, wrong envelope, authentication failed (4xx but 420/422/429). */
export class RequestError extends BaseError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return statuspageErrors.raisedBy(value) && value.status >= 400 && value.status < 500 && value.status !== 422 && !isRateLimit(value.status);
  }
}

/** The request's attributes were invalid or missing (422). */
export class ResourceError extends BaseError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return statuspageErrors.raisedBy(value) && value.status === 422;
  }
}

/** Statuspage's servers failed (5xx). */
export class ServerError extends BaseError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return statuspageErrors.raisedBy(value) && value.status >= 500;
  }
}

/** The rate limit was exceeded (420 or 429); `retryAfter` says how long to wait, in seconds. */
export class RateLimitError extends BaseError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return statuspageErrors.raisedBy(value) && isRateLimit(value.status);
  }
}
