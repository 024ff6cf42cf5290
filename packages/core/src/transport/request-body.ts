/**
 * A bound operation's body in wire form, by the media types its spec accepts: JSON unless the operation takes
 * only a form (OAuth token endpoints); FormData as multipart with its boundary. Encoded once per call, so every
 * retry re-sends the very same bytes.
 */
import { FORM_MEDIA_TYPE as FORM, isJson } from '../values/media-type.js';

/** Encodes `body` and sets its content type in `headers` (lower-case names) unless the caller set one. */
export async function encodeBody(
  body: unknown,
  mediaTypes: readonly string[],
  headers: Record<string, string>,
): Promise<string | Uint8Array | null> {
  if (body === undefined) return null;
  if (body instanceof FormData) {
    // The platform writes the multipart body and picks the boundary; the header must carry that boundary.
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type') as string;
    return new Uint8Array(await encoded.arrayBuffer());
  }
  if (!mediaTypes.some(isJson) && mediaTypes.includes(FORM)) {
    headers['content-type'] ??= FORM;
    return formEncode(body as Record<string, unknown>);
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/**
 * A flat object as `application/x-www-form-urlencoded`: a list repeats its key once per item (OpenAPI's default
 * for forms, `style: form, explode: true`), so `{ ids: ['a', 'b'] }` is `ids=a&ids=b`, not `ids=a%2Cb`.
 */
function formEncode(fields: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
  }
  return form.toString();
}
