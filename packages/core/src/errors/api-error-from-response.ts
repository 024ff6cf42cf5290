/**
 * Builds the typed error for an HTTP error response: status class, redacted URL and headers,
 * parsed (or raw) body, request id, Retry-After.
 */
import { apiErrorClassFor, type ApiError, type ApiErrorClass } from './api-errors.js';
import type { Redactor } from '../redact/redact.js';
import type { ResponseHead } from '../transport/sender.js';
import { isJson } from '../values/media-type.js';
import { valueAt } from '../values/value-at.js';

/** What a vendor may tune about its errors. */
export interface ErrorShape {
  /** Response headers that carry the vendor's request id, first match wins. */
  requestIdHeaders: readonly string[];
  /** Picks the vendor's message out of a parsed error body. */
  messageOf: (body: unknown) => string | undefined;
  /** The class for a status; vendors with their own error names wrap `apiErrorClassFor` (`@apiclients/core/internal`). */
  classFor: (status: number) => ApiErrorClass;
  /**
   * What the vendor's documentation says about an answer its message leaves unexplained (Webex's bare 403 "Failed to
   * get activity." to a bot listing a group room's messages), added to the error's message; given the redacted answer.
   */
  hintFor?: (answer: { status: number; method: string; url: string; body: unknown }) => string | undefined;
}

/** The message most vendors put in an error body: `message`, `error`, or the first of `errors`. */
export function defaultMessageOf(body: unknown): string | undefined {
  const first = (list: unknown) => (Array.isArray(list) ? list[0] : undefined);
  const candidates = [
    valueAt(body, 'message'),
    valueAt(body, 'error_description'),
    valueAt(body, 'error'),
    first(valueAt(body, 'errors')),
    valueAt(first(valueAt(body, 'errors')), 'description'),
    valueAt(first(valueAt(body, 'errors')), 'message'),
  ];
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/** The defaults: `x-request-id`-style headers, {@link defaultMessageOf}, one class per status. */
export const DEFAULT_ERROR_SHAPE: ErrorShape = {
  requestIdHeaders: ['x-request-id', 'request-id', 'x-amzn-requestid'],
  messageOf: defaultMessageOf,
  classFor: (status) => apiErrorClassFor(status),
};

/** The vendor's request id among a response's headers, by the shape's `requestIdHeaders` (first match wins). */
export function requestIdOf(headers: Headers, shape: Pick<ErrorShape, 'requestIdHeaders'>): string | undefined {
  for (const name of shape.requestIdHeaders) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Parses a body as JSON when it is JSON, else keeps the text (empty, HTML, plain text). */
export function parseBody(text: string, contentType: string | null): unknown {
  const looksJson = isJson(contentType ?? '') || /^\s*[{[]/.test(text);
  if (!looksJson || text.trim() === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The typed, redacted error for one error response whose body has been read as `text`. */
export function apiErrorFromResponse(
  response: ResponseHead,
  text: string,
  request: { method: string; url: string },
  redactor: Redactor,
  shape: ErrorShape,
  retryAfterMs: number | undefined,
): ApiError {
  // Redacted before parsing (a body that is not JSON stays that text) and after (every string of what parsed).
  const parsed = parseBody(redactor.text(text), response.headers.get('content-type'));
  const body = typeof parsed === 'string' ? parsed : redactor.value(parsed);
  const requestId = requestIdOf(response.headers, shape) ?? valueAt(body, 'trackingId');
  const ErrorClass = shape.classFor(response.status);
  const vendorMessage = shape.messageOf(body);
  const url = redactor.url(request.url);
  return new ErrorClass({
    hint: shape.hintFor?.({ status: response.status, method: request.method, url, body }),
    status: response.status,
    // The reason phrase is the server's free text too (`401 Invalid credential Bearer tok_…`).
    statusText: redactor.text(response.statusText),
    method: request.method,
    url,
    headers: redactor.headers(response.headers),
    body,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    vendorMessage: vendorMessage === undefined ? undefined : redactor.text(vendorMessage),
    retryAfterMs,
  });
}
