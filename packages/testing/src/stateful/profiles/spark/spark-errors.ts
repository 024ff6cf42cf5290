/**
 * Webex's error answers: `{ message, errors: [{ description }], trackingId }` with the tracking id also in a
 * `TrackingID` header (../shared/reference/spark/examples/error-*.json), a 401 without a token as an empty
 * `text/plain` body (error-401-no-token.txt), a 429 with `Retry-After` (429-rate-limit.txt).
 */
import type { MockReply } from '../../vendor-profile.js';
import { trackingId } from './spark-ids.js';

/** The messages Webex answers with (developer.webex.com/docs/basics, "API Errors", and the captures). */
export const SPARK_MESSAGES = {
  notFound: 'The requested resource could not be found.',
  bodyMissing: 'Required request body is missing',
  adminOnly: 'Only admin is allowed to use this resource.',
  invalidToken: 'The request requires a valid access token set in the Authorization request header.',
  rateLimited: 'Too many requests have been sent in a given amount of time and the request has been rate limited.',
  unavailable: 'The server is currently unable to handle the request due to a temporary overload or scheduled maintenance.',
} as const;

/** A JSON error in Webex's shape: one `errors` entry per description (the message alone by default). */
export function sparkError(status: number, message: string, descriptions: string[] = [message], headers: Record<string, string> = {}): MockReply {
  const tracking = trackingId();
  return {
    status,
    headers: { trackingid: tracking, ...headers },
    body: { message, errors: descriptions.map((description) => ({ description })), trackingId: tracking },
  };
}

/** No `Authorization: Bearer …`: Webex's 401 has an empty text/plain body. */
export function missingToken(): MockReply {
  return { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8', trackingid: trackingId() }, body: '' };
}
