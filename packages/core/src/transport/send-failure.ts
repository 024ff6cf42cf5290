/**
 * What a failed send (no response: refused, reset, a TLS or proxy failure) tells: its code, whether it may be
 * retried as "connection refused", and a message and cause safe to keep in an error.
 */
import type { Redactor } from '../redact/redact.js';

/** The error code of a failed send: fetch puts it on the cause (`TypeError('fetch failed')`), undici on the error. */
function codeOf(error: unknown): unknown {
  const failed = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return failed?.cause?.code ?? failed?.code;
}

/** How the retry policy sees a failed send: refused (nothing reached the server) or any other. */
export function failureOf(error: unknown): 'connection-refused' | 'connection' {
  return codeOf(error) === 'ECONNREFUSED' ? 'connection-refused' : 'connection';
}

/** A failure's message, with its cause's when that says more. */
export function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const own = error instanceof Error ? error.message : String(error);
  return typeof cause === 'string' && cause !== own ? `${own} (${cause})` : own;
}

/** A cause safe to keep: the failure's message redacted, and its code. */
export function redactedCause(error: unknown, redactor: Redactor): Error {
  const cause = new Error(redactor.text(messageOf(error)));
  const code = codeOf(error);
  if (typeof code === 'string') Object.assign(cause, { code });
  return cause;
}
