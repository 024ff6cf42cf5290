/**
 * Arguments that become part of a URL or a header: a path parameter is always exactly one path segment, and every
 * text is well-formed Unicode. Refused with a {@link ConfigurationError} naming the argument, before any request.
 */
import { ConfigurationError } from '../errors/api-client-error.js';

/**
 * The URL parser removes `.` and `..` segments, and their percent-encoded forms `%2e` (WHATWG URL, "single-dot"
 * and "double-dot URL path segment"): `rooms.delete('..')` would send `DELETE /v1/`. No encoding keeps them, so
 * they are refused. `/`, `?`, `#`, `%` (so a `%2e` given is sent as `%252e`) and control characters are
 * percent-encoded by `encodeURIComponent`.
 */
const DOT_SEGMENT = /^\.{1,2}$/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units: no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `value` as a text, or a ConfigurationError when it holds a lone surrogate (`encodeURIComponent` would throw). */
export function wellFormedText(where: string, argument: string, value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new ConfigurationError(`${where}: "${argument}" is not well-formed Unicode (it holds a lone surrogate)`);
  }
  return value;
}

/** Every text in a query or header value (a string, or a list of them) checked by {@link wellFormedText}. */
export function checkArgumentText(where: string, argument: string, value: unknown): void {
  for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') wellFormedText(where, argument, one);
}

/** Refuses, naming the argument, a path parameter value that would not be exactly one path segment once encoded. */
export function checkPathSegment(where: string, argument: string, value: unknown): void {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ConfigurationError(`${where}: "${argument}" must be a non-empty string, got ${typeof value}`);
  }
  const text = wellFormedText(where, argument, String(value));
  if (text === '') throw new ConfigurationError(`${where}: "${argument}" must be a non-empty string, got ""`);
  if (DOT_SEGMENT.test(text)) {
    throw new ConfigurationError(`${where}: "${argument}" may not be ${JSON.stringify(text)}: it would leave the path (a dot segment)`);
  }
}

/** The path, query and header parameters of an openapi-fetch call (`.raw`), checked as a bound call's are. */
export function checkRawParams(where: string, params: unknown): void {
  if (params === null || typeof params !== 'object') return;
  const { path, query, header } = params as Record<string, unknown>;
  if (path !== null && typeof path === 'object') {
    for (const [name, value] of Object.entries(path)) {
      // openapi-fetch also serialises lists and objects (OpenAPI `style`): each of their values is checked alike.
      const values = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [value];
      for (const one of values) if (typeof one === 'string' || typeof one === 'number') checkPathSegment(where, name, one);
    }
  }
  for (const group of [query, header]) {
    if (group !== null && typeof group === 'object') for (const [name, value] of Object.entries(group)) checkArgumentText(where, name, value);
  }
}

/** Levels of a body searched for text: request bodies are shallow (a resource's fields, a list of ids). */
const BODY_DEPTH = 8;

/**
 * Every text of a body (its fields, their lists and objects) checked by {@link wellFormedText}, naming the field:
 * JSON would carry a lone surrogate as an escape the server cannot decode, a form would replace it silently.
 */
export function checkBodyText(where: string, body: unknown, path = 'body', depth = 0): void {
  if (typeof body === 'string') wellFormedText(where, path, body);
  else if (depth < BODY_DEPTH && Array.isArray(body)) body.forEach((item, index) => checkBodyText(where, item, `${path}[${index}]`, depth + 1));
  else if (depth < BODY_DEPTH && body !== null && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype) {
    for (const [key, value] of Object.entries(body)) checkBodyText(where, value, depth === 0 ? key : `${path}.${key}`, depth + 1);
  }
}
