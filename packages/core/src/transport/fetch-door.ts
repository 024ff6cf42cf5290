/**
 * The transport's fetch door, for openapi-fetch (`.raw`): it takes a Request, reads it once into wire form, sends
 * it through the wire-form door ({@link Exchange}) and answers with a Response rebuilt from the exchange.
 */
import { wireBodySecrets } from '../redact/secret-fields.js';
import type { Redactor } from '../redact/redact.js';
import { textOf } from '../values/body-text.js';
import type { Exchange, OutgoingRequest, RequestPolicy } from './exchange.js';

// Fetch forbids a body on these statuses (Fetch standard, "null body status").
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A fetch taking a Request (and a policy), over the wire-form door `exchange`. */
export function fetchDoor(
  exchange: (request: OutgoingRequest, policy?: RequestPolicy) => Promise<Exchange>,
  redactor: Redactor,
): (request: Request, policy?: RequestPolicy) => Promise<Response> {
  return async (request, policy) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // Read the body once; every attempt sends the same bytes (a multipart boundary included).
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const secrets = wireBodySecrets(body, headers['content-type']);
    const answered = await exchange({ method: request.method, url: request.url, headers, body, signal: request.signal, redirect: request.redirect, secrets }, policy);
    return rebuild(answered, answered.redactor ?? redactor);
  };
}

// The text of each body the fetch door answered with, redacted when asked for: openapi-fetch parses JSON itself,
// and when that fails (see fetch-client.ts) the error carries what came instead.
const answeredBodies = new WeakMap<Response, () => string>();

/** The redacted text of a body the transport's fetch door answered with (undefined for any other Response). */
export function answeredBodyText(response: Response): string | undefined {
  return answeredBodies.get(response)?.();
}

function rebuild({ response, bytes, url }: Exchange, redactor: Redactor): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Pagination resolves relative next links against the URL that answered (after redirects).
  Object.defineProperty(copy, 'url', { value: url });
  answeredBodies.set(copy, () => redactor.text(textOf(bytes)));
  return copy;
}
