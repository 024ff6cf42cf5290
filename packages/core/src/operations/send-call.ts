/**
 * Sends a prepared call through the transport's wire-form door: the URL from the path template and the query, the
 * body encoded by the operation's media types (its secrets handed to the transport, which redacts them from what
 * it says of this call), the answer decoded.
 */
import type { WithResponse } from './api-promise.js';
import { bodySecrets } from '../redact/secret-fields.js';
import { lowerCaseHeaders } from '../transport/lower-case-headers.js';
import { encodeBody } from '../transport/request-body.js';
import { requestUrl } from '../transport/request-url.js';
import { decode } from './decode-response.js';
import type { Prepared, Target } from './prepared-call.js';

/** Sends one call; its decoded data, the response, the URL that answered and the URL as sent. */
export async function send(target: Target, prepared: Prepared) {
  const { baseUrl, entry, transport } = target;
  const { params, body, callOptions, policy } = prepared;
  const headers = { ...params.header, ...lowerCaseHeaders(callOptions.headers) };
  const sent = requestUrl(baseUrl, entry.path, params.path, params.query);
  const { response, bytes, url, redactor } = await transport.exchange(
    {
      method: entry.verb,
      url: sent,
      headers,
      body: body === undefined ? null : await encodeBody(body, entry.requestBody, headers),
      signal: callOptions.signal,
      maxResponseBytes: callOptions.maxResponseBytes,
      secrets: bodySecrets(body),
    },
    policy,
  );
  // An answer that cannot be decoded is quoted redacted of this call's own secrets too.
  const decodeTarget = redactor && redactor !== target.redactor ? { ...target, redactor } : target;
  return { data: decode(decodeTarget, response, bytes, callOptions.parseAs), response, url, sent };
}

// Async, so bad arguments are a rejection like every other failure (still before any request).
export async function answer(target: Target, prepared: () => Prepared): Promise<WithResponse<unknown>> {
  const { data, response, url } = await send(target, prepared());
  const { status, statusText, headers } = response;
  // The URL that answered carries a query credential (V-Spark's token): never hand it on.
  const info = { status, statusText, headers, url: target.redactor.url(url) };
  return { data, response: info, requestId: target.transport.requestIdOf(headers) };
}

