/**
 * Webhook deliveries: `X-Spark-Signature` is the hex HMAC-SHA1 of the raw request body keyed with the webhook's
 * secret (developer.webex.com blog, "Using a webhook secret"). Verify the raw bytes: re-serialised JSON differs.
 * Web Crypto, so it runs in Node, browsers, Deno and Bun alike.
 */
import type { components } from './generated.js';

/** The body Webex POSTs to a webhook's target URL. */
export type WebhookEvent = components['schemas']['WebhookEvent'];

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Compares every character whatever the first difference, so timing tells nothing about the expected value.
function equalInConstantTime(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

/** Whether `signature` (the `X-Spark-Signature` header) is the HMAC-SHA1 of `rawBody` with `secret`. */
export async function verifyWebhookSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  // Plain-JS callers pass what their framework gives: a header as an array, a parsed body. Unverifiable is false.
  if (typeof signature !== 'string' || typeof secret !== 'string' || !signature || !secret) return false;
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array) && !(rawBody instanceof ArrayBuffer)) return false;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const data = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const expected = hex(await crypto.subtle.sign('HMAC', key, data as BufferSource));
  return equalInConstantTime(expected, signature.trim().toLowerCase());
}

/** Parses a delivery's raw body into a typed {@link WebhookEvent} (after you have verified it). */
export function parseWebhookEvent(rawBody: string | Uint8Array): WebhookEvent {
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  return JSON.parse(text) as WebhookEvent;
}
