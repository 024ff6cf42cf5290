/**
 * Content codings, decoded as fetch decodes them, so that both senders hand the transport the same bytes: `fetch`
 * asks for `gzip, deflate` (and `br` over https) and undoes them; `undici.request` does neither. The rules are the
 * Fetch implementation's (undici lib/web/fetch/index.js, "Content-Encoding"): codings undone last to first; an
 * unknown coding leaves the body as it came; more than five is an error (as curl, CVE-2022-32206); lenient flushing,
 * as curl and browsers (a body cut short after its last whole block still decodes).
 */
import * as buffer from 'node:buffer';
import { promisify } from 'node:util';
import { BodyTooLarge } from '../bounded-body.js';
import * as zlib from 'node:zlib';

/** The `accept-encoding` fetch would send to `url` (Fetch standard, "HTTP-network-or-cache fetch", step 19). */
export function acceptEncodingFor(url: string): string {
  return url.startsWith('https:') ? 'br, gzip, deflate' : 'gzip, deflate';
}

const MAX_CODINGS = 5;
const zlibLenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const brotliLenient = { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };
// `maxOutputLength` stops an inflating body at the response size limit (a gzip bomb): zlib then throws a RangeError.
const DECODERS: Record<string, (bytes: Buffer, maxOutputLength: number) => Promise<Buffer>> = {
  gzip: (bytes, maxOutputLength) => promisify(zlib.gunzip)(bytes, { ...zlibLenient, maxOutputLength }),
  'x-gzip': (bytes, maxOutputLength) => promisify(zlib.gunzip)(bytes, { ...zlibLenient, maxOutputLength }),
  deflate: (bytes, maxOutputLength) => promisify(zlib.inflate)(bytes, { ...zlibLenient, maxOutputLength }),
  br: (bytes, maxOutputLength) => promisify(zlib.brotliDecompress)(bytes, { ...brotliLenient, maxOutputLength }),
};

/**
 * The body with its `Content-Encoding` undone; unchanged without one, or with a coding we do not know. More than
 * `limit` decoded bytes is a {@link BodyTooLarge}.
 */
export async function decodeBody(
  bytes: Uint8Array<ArrayBuffer>,
  contentEncoding: string | string[] | undefined,
  limit = Infinity,
  status = 200,
): Promise<Uint8Array<ArrayBuffer>> {
  if (contentEncoding === undefined || bytes.byteLength === 0) return bytes;
  const codings = String(contentEncoding).toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_CODINGS) throw new Error(`too many content-encodings in response: ${codings.length}, at most ${MAX_CODINGS}`);
  if (codings.length === 0 || !codings.every((coding) => coding in DECODERS)) return bytes;
  let decoded: Buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // zlib's own ceiling stands for "no limit".
  const maxOutputLength = limit === Infinity ? buffer.constants.MAX_LENGTH : limit;
  for (const coding of codings.reverse()) {
    try {
      decoded = await (DECODERS[coding] as (bytes: Buffer, max: number) => Promise<Buffer>)(decoded, maxOutputLength);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLarge(status, limit);
      throw error;
    }
  }
  return new Uint8Array(decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength)) as Uint8Array<ArrayBuffer>;
}
