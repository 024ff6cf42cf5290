/**
 * Reading a response body with a bound on its size. The limit counts the bytes as the caller gets them, after
 * fetch has undone any `Content-Encoding`, so a 1 MB gzip bomb that inflates to gigabytes and an endless chunked
 * body both stop at the limit, while they are read, whatever the timeout. Works on any `Response` (the platform's
 * fetch, undici's, a test double), and through {@link collectBounded} on the undici sender's Node streams.
 */

/** Largest body read by default: 32 MiB, far above any page or error the vendors send. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Thrown by {@link readBoundedBody} when a body passes its limit; the transport turns it into a typed error. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
  constructor(
    readonly status: number,
    readonly limit: number,
  ) {
    super(`The response body is larger than ${limit} bytes`);
  }
}

/** The whole body of `response`, or {@link BodyTooLarge} as soon as more than `limit` bytes have arrived. */
export async function readBoundedBody(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (limit === Infinity) return new Uint8Array(await response.arrayBuffer());
  // A declared length over the limit fails before reading, unless encoded (the length is then the encoded size).
  if (!response.headers.has('content-encoding') && declaredOver(response.headers.get('content-length'), limit)) {
    await response.body?.cancel();
    throw new BodyTooLarge(response.status, limit);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  return collectBounded(() => reader.read(), () => reader.cancel(), response.status, limit);
}

/** Whether a `Content-Length` value (digits only, RFC 9110 §8.6) says more than `limit` bytes. */
export function declaredOver(contentLength: string | null | undefined, limit: number): boolean {
  return contentLength != null && /^\d+$/.test(contentLength) && Number(contentLength) > limit;
}

/**
 * The chunks `next` gives, joined, or {@link BodyTooLarge} (after `cancel`) as soon as they pass `limit` bytes:
 * the one loop both senders read a body with (a web ReadableStream's reader, a Node stream's iterator).
 */
export async function collectBounded(
  next: () => Promise<IteratorResult<Uint8Array>>,
  cancel: () => Promise<unknown> | unknown,
  status: number,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await next();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await cancel();
      throw new BodyTooLarge(status, limit);
    }
    chunks.push(value);
  }
  // One chunk that is a whole ArrayBuffer (a small body, most answers) is returned as it is, without a copy.
  const only = chunks.length === 1 ? chunks[0] : undefined;
  if (only && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength && only.buffer instanceof ArrayBuffer) {
    return only as Uint8Array<ArrayBuffer>;
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
