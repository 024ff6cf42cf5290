/**
 * A bound operation's body in wire form, by the media types its spec accepts: JSON unless the operation takes
 * only a form (OAuth token endpoints); FormData as multipart with its boundary. Encoded once per call, so every
 * retry re-sends the very same bytes.
 */

const FORM = 'application/x-www-form-urlencoded';
const isJson = (media: string) => /json/i.test(media);

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
    return new URLSearchParams(body as Record<string, string>).toString();
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}
