/**
 * The secrets a call carries besides the client's credential: in its own body (OAuth's `client_secret`, `code` and
 * `refresh_token`, RFC 6749 §4.1.3 and §6, a password), or in a credential header of its own or of the client's
 * `headers` option (`x-api-key`, a per-call `authorization`). The transport redacts them from whatever it says of
 * that call (an error, a log line: a server echoing the form or the headers back), through a redactor of the call's
 * own ({@link Redactor.with}), so the client's redactor does not keep them after the call. And what a body shown in a
 * log has in place of its secret-named fields ({@link withoutSecretFields}).
 */
import { textOf } from '../values/body-text.js';
import { FORM_MEDIA_TYPE, isJson } from '../values/media-type.js';
import { REDACTED, SECRET_HEADERS, SECRET_QUERY_PARAMS } from './redact.js';

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

/** The value of every secret field at the top of a body object. */
export function bodySecrets(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || body instanceof FormData) return [];
  const found: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && SECRET_BODY_FIELDS.has(name.toLowerCase())) found.push(value);
  }
  return found;
}

/** The same for a body already in wire form (the `.raw` door): a form or a JSON object, by its content type. */
export function wireBodySecrets(body: Uint8Array | null, contentType: string | undefined): string[] {
  if (!body || body.length === 0 || !contentType) return [];
  const text = () => textOf(body);
  if (contentType.toLowerCase().startsWith(FORM_MEDIA_TYPE)) return bodySecrets(Object.fromEntries(new URLSearchParams(text())));
  if (!isJson(contentType)) return [];
  try {
    return bodySecrets(JSON.parse(text()) as unknown);
  } catch {
    // Not JSON after all: nothing to learn from it.
    return [];
  }
}

/** The value of every credential header (by {@link SECRET_HEADERS}, in any case). */
export function headerSecrets(headers: Record<string, string> | undefined): string[] {
  if (!headers) return [];
  const found: string[] = [];
  for (const name in headers) if (SECRET_HEADERS.includes(name.toLowerCase())) found.push(headers[name] as string);
  return found;
}

// Field names whose values are secrets: the secret query parameters, anything named like a token, secret or password,
// and `uuid`, which is how V-Spark's `/config` names each company's token (V-Spark docs, "Reference for the /config API").
const SECRET_KEY = new RegExp(`^(?:${[...SECRET_QUERY_PARAMS, 'uuid'].join('|')})$|token|secret|password|passwd|credential`, 'i');

/**
 * A parsed body (JSON, or a form's fields) as a log shows it: every secret-named field at any depth (`password`,
 * `client_secret`, a webhook's `secret`, `refresh_token`, …) holding a value that is not an object replaced by
 * `[REDACTED]`. The transport's debug lines show bodies so; so does the testing kit's request log.
 */
export function withoutSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretFields);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && typeof field !== 'object' ? REDACTED : withoutSecretFields(field);
  return out;
}
