/** The requests a stateful mock received, with their secrets redacted, for a test to inspect. */
import { Redactor, withoutSecretFields } from '@apiclients/core/internal';

/** One request the mock received, and how it answered. */
export interface LoggedRequest {
  method: string;
  /** The path and query, secrets in the query redacted. */
  url: string;
  /** The operationId it was routed to, when it matched one. */
  operationId?: string;
  /** The headers, `authorization` and other secret headers redacted. */
  headers: Record<string, string>;
  /**
   * The parsed body (JSON, or a form's fields), with its secret-named fields (`password`, `client_secret`, a webhook's
   * `secret`, `refresh_token`, …) and every string that holds a credential redacted, as the clients' debug log shows it.
   */
  body: unknown;
  /** The status it was answered with; 0 for a connection the mock reset. */
  status: number;
}

const redactor = new Redactor();

/** A redacted copy of a request's parts. */
export function logged(method: string, url: string, headers: Record<string, string | string[] | undefined>, body: unknown): LoggedRequest {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return { method, url: redactor.url(`http://mock${url}`).slice('http://mock'.length), headers: redactor.headers(flat), body: redactor.value(withoutSecretFields(body)), status: 0 };
}
