/**
 * Spark's errors: `SparkApiError` (status, message and `errors` from the body, `trackingId` from the body or the
 * `TrackingID` header) and `SparkRateLimitError` (`retryAfter` in seconds). Each is also the core's class for
 * its status (`NotFoundError`, `RateLimitError`, …).
 */
import { ApiError, vendorErrors, type ApiErrorDetails } from '@apiclients/core/internal';
import type { components } from './generated.js';

/** Seconds to wait when a 429's Retry-After is missing or malformed (ciscosparkapi's default). */
export const DEFAULT_RETRY_AFTER_SECONDS = 15;

/** One detail of a Webex error body (`{ description, errorCode? }`, spec schema `ErrorDetail`). */
export type SparkErrorDetail = components['schemas']['ErrorDetail'];

/** A Webex error body as the spec describes it (`Error`), or the raw text when the body was not JSON. */
export type SparkErrorBody = components['schemas']['Error'] | string;

function errorsOf(body: unknown): SparkErrorDetail[] {
  const errors = body !== null && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  return Array.isArray(errors) ? errors.filter((e): e is SparkErrorDetail => e !== null && typeof e === 'object') : [];
}

/** The classes the transport builds Spark errors with. */
export const sparkErrors = vendorErrors('spark', {
  fields: (details: ApiErrorDetails) => ({
    errors: errorsOf(details.body),
    trackingId: details.requestId,
    // Webex has sent Retry-After values like `rand(30),add(30)`: those, and none, mean 15 s; never less than 1.
    retryAfter: Math.max(1, Math.ceil((details.retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000)),
  }),
});

/** Any error the Webex API returned. */
export class SparkApiError extends ApiError {
  /** The body: parsed JSON (the spec's `Error`), or the raw text (empty, HTML) when it was not JSON. */
  declare readonly body: SparkErrorBody;
  /** The `errors` list of the body (`[{ description }]`). */
  declare readonly errors: SparkErrorDetail[];
  /** Webex's tracking id, for support requests. */
  declare readonly trackingId: string | undefined;
  /** Seconds to wait before retrying (meaningful on 429). */
  declare readonly retryAfter: number;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return sparkErrors.raisedBy(value);
  }
}

/** 429 Too Many Requests, when not waited out (`waitOnRateLimit: false`, or past `maxRetries`). */
export class SparkRateLimitError extends SparkApiError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return sparkErrors.raisedBy(value) && value.status === 429;
  }
}

/**
 * Webex answers a bot that lists a group room's messages without `mentionedPeople=me` with a bare 403 "Failed to get
 * activity." (https://github.com/jbogarin/go-cisco-webex-teams/issues/9): the rule is in List Messages, "Bots must
 * include this parameter to list messages in group rooms (spaces)"
 * (https://developer.webex.com/docs/api/v1/messages/list-messages). The error says so.
 */
export function sparkErrorHint({ status, method, url }: { status: number; method: string; url: string }): string | undefined {
  if (status !== 403 || method !== 'GET') return undefined;
  const { pathname, searchParams } = new URL(url);
  if (!/\/messages\/?$/.test(pathname) || searchParams.has('mentionedPeople')) return undefined;
  return "a bot lists a group room's messages only with mentionedPeople: 'me'";
}
