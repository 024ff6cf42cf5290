/** A response body's bytes as text. */

const UTF8 = new TextDecoder();

/** A body's text, as `Response.text()` would give it. */
export function textOf(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}
