/**
 * A well-formed answer of the wrong shape (JSON `null` where a record was promised, an empty 204, a list entry of
 * `null`) as a typed error: wrappers that read into an answer check it here rather than meet a bare TypeError.
 */
import { InvalidResponseError } from './request-errors.js';
import type { Redactor } from '../redact/redact.js';

/** How much of the unexpected value the error carries as text. */
const SHOWN_CHARACTERS = 1_000;

/**
 * `value` when it is a JSON object (not null, not a list); otherwise an {@link InvalidResponseError} saying what
 * `where` expected, with `status` (the response's, 200 unless given) and the value as redacted text.
 */
export function recordOf(value: unknown, where: string, options: { status?: number; redactor?: Redactor } = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const text = value === undefined ? '' : String(JSON.stringify(value)).slice(0, SHOWN_CHARACTERS);
  const got = value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
  return invalid(`${where}: expected an object, got ${got}`, options.status ?? 200, options.redactor ? options.redactor.text(text) : text);
}

function invalid(message: string, status: number, body: string): never {
  throw new InvalidResponseError(message, status, { body });
}
