/**
 * A success body decoded by the operation's media types, and a body that is not what the operation promises as an
 * {@link InvalidResponseError} carrying the raw (redacted) text.
 */
import { jsonParseFailure } from '../errors/json-parse-failure.js';
import { InvalidResponseError } from '../errors/request-errors.js';
import type { Redactor } from '../redact/redact.js';
import { textOf } from '../values/body-text.js';
import type { ResponseHead } from '../transport/sender.js';
import { isJson } from '../values/media-type.js';
import type { ParseAs } from './call-options.js';
import type { Target } from './prepared-call.js';

/**
 * A success body by the operation's media types: nothing for 204/205 or HEAD; JSON; or, for an operation that can
 * answer in another media type (V-Spark's CSV), text unless the response says it is JSON. A body that is not what
 * the operation promises (empty, not JSON, an HTML page from a proxy) is an {@link InvalidResponseError} carrying
 * the raw text, never a bare SyntaxError and never a silent `undefined`. A call's `parseAs` reads it as asked.
 */
export function decode({ entry, redactor, jsonOnly }: Target, response: ResponseHead, bytes: Uint8Array, parseAs?: ParseAs): unknown {
  if (response.status === 204 || response.status === 205 || entry.verb === 'head') return undefined;
  if (parseAs === 'bytes') return bytes;
  const text = textOf(bytes);
  // The path template, not the URL, names the operation in errors: it carries no secret.
  const where = () => `${entry.verb.toUpperCase()} ${entry.path}`;
  const invalid = (problem: string) => invalidResponse(`The ${response.status} response of ${where()} ${problem}`, response.status, text, redactor);
  // An operation whose spec gives its success no body answers nothing; so may a DELETE, which often answers 200
  // with nothing where its spec says 204. Every other operation promised a body.
  if (text === '') {
    if (entry.responses.length === 0 || entry.verb === 'delete') return undefined;
    throw invalid(`is empty; the operation answers ${entry.responses.join(' or ') || 'application/json'}`);
  }
  if (parseAs === 'text') return text;
  if (jsonOnly || parseAs === 'json') return parseJson(text, where, response.status, redactor);
  const contentType = response.headers.get('content-type');
  if (isJson(contentType ?? '')) return parseJson(text, where, response.status, redactor);
  // Several media types: the response's own must be one of them (an unlabelled body is taken as text).
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence && !entry.responses.some((m) => m.toLowerCase() === essence)) {
    throw invalid(`is ${essence}; the operation answers ${entry.responses.join(' or ')}`);
  }
  return text;
}

function invalidResponse(message: string, status: number, text: string, redactor: Redactor, cause?: unknown): InvalidResponseError {
  return new InvalidResponseError(message, status, { body: redactor.text(text), ...(cause === undefined ? {} : { cause }) });
}

/**
 * Parses JSON text, failing with an {@link InvalidResponseError} that carries the (redacted) text; `where` names
 * the request in that error (built only then).
 */
export function parseJson(text: string, where: () => string, status: number, redactor: Redactor): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidResponse(`The ${status} response of ${where()} is ${text === '' ? 'empty' : 'not valid JSON'}`, status, text, redactor, jsonParseFailure(error));
  }
}
