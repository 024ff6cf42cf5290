/**
 * The secrets a call carries besides the client's credential: in its own body (OAuth's `client_secret`, `code` and
 * `refresh_token`, RFC 6749 §4.1.3 and §6, a password), or in a credential header of its own or of the client's
 * `headers` option (`x-api-key`, a per-call `authorization`). The client's redactor learns them before the request
 * leaves, so an error or a log line about this call (a server echoing the form or the headers back) never shows them.
 */
import { textOf } from '../values/body-text.js';
import { FORM_MEDIA_TYPE, isJson } from '../values/media-type.js';
import { SECRET_HEADERS, type Redactor } from './redact.js';

/** Body fields whose value is a secret of the call. */
export const SECRET_BODY_FIELDS: ReadonlySet<string> = new Set([
  'client_secret',
  'client_assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'id_token',
  'password',
  'secret',
  'token',
  'api_key',
]);


/** Registers with `redactor` the value of every secret field at the top of a body object. */
export function registerBodySecrets(body: unknown, redactor: Redactor): void {
  if (body === null || typeof body !== 'object' || body instanceof FormData) return;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && SECRET_BODY_FIELDS.has(name.toLowerCase())) redactor.add(value);
  }
}

/** The same for a body already in wire form (the `.raw` door): a form or a JSON object, by its content type. */
export function registerWireBodySecrets(body: Uint8Array | null, contentType: string | undefined, redactor: Redactor): void {
  if (!body || body.length === 0 || !contentType) return;
  const text = () => textOf(body);
  if (contentType.toLowerCase().startsWith(FORM_MEDIA_TYPE)) registerBodySecrets(Object.fromEntries(new URLSearchParams(text())), redactor);
  else if (isJson(contentType)) {
    try {
      registerBodySecrets(JSON.parse(text()) as unknown, redactor);
    } catch {
      // Not JSON after all: nothing to learn from it.
    }
  }
}

/** Registers with `redactor` the value of every credential header (by {@link SECRET_HEADERS}, in any case). */
export function registerHeaderSecrets(headers: Record<string, string> | undefined, redactor: Redactor): void {
  if (!headers) return;
  for (const name in headers) if (SECRET_HEADERS.includes(name.toLowerCase())) redactor.add(headers[name]);
}
