/**
 * The redirect policy. The transport follows redirects itself rather than leaving them to fetch, so that it
 * decides where the credential goes: a redirect within the request's origin is followed with the credential
 * (re-added, since a `Location` rarely repeats V-Spark's `?token=`); a redirect to another origin is followed
 * without it, and without any header that carries one. The method and body rules are the Fetch standard's
 * ("HTTP-redirect fetch", steps 11–12).
 */
import { SECRET_HEADERS } from '../redact/redact.js';
import type { ResponseHead } from './sender.js';

/** Statuses that redirect (Fetch standard, "redirect status"). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Most redirects one attempt follows; fetch's own limit (Fetch standard, step 7 of "HTTP-redirect fetch"). */
export const MAX_REDIRECTS = 20;

/** Request headers that describe a body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];


/** Where a response redirects to, resolved against the URL that answered; null when it is not a redirect. */
export function redirectTarget(response: ResponseHead, requestUrl: string): string | null {
  if (!REDIRECT_STATUSES.has(response.status)) return null;
  const location = response.headers.get('location');
  if (location === null) return null;
  try {
    return new URL(location, requestUrl).href;
  } catch {
    return null;
  }
}

/** Whether two absolute URLs share scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A request as one hop of a redirect chain sends it. */
export interface Hop<Body> {
  method: string;
  headers: Record<string, string>;
  body: Body | null;
}

/**
 * The next hop after a redirect: 303 (but for HEAD), and 301/302 after a POST, become a body-less GET;
 * leaving the origin drops every credential-carrying header (`credentialHeader` is the client's own).
 */
export function nextHop<Body>(hop: Hop<Body>, status: number, leavesOrigin: boolean, credentialHeader?: string): Hop<Body> {
  const toGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const headers = { ...hop.headers };
  if (toGet) for (const name of BODY_HEADERS) delete headers[name];
  // Every header that carries a credential (`x-api-key` too, which the client's `headers` option may hold), not only
  // the `Authorization` fetch drops.
  if (leavesOrigin) for (const name of [...SECRET_HEADERS, credentialHeader?.toLowerCase()]) if (name) delete headers[name];
  return { method: toGet ? 'GET' : hop.method, headers, body: toGet ? null : hop.body };
}

/** Rounds of percent-decoding tried on each part of a Location: a URL nested in a URL nested in a URL. */
const DECODE_ROUNDS = 4;

/**
 * A Location to another origin with no trace of a credential, in any position: a query parameter whose name or
 * value holds one (raw, percent-encoded once or several times, or inside a URL that is itself a parameter, as an
 * SSO front end's `?rd=http://vspark/config?token=…` embeds the original URL) is removed; a path segment that holds
 * one is replaced by `[REDACTED]`; user info and fragment that hold one are dropped. `holds` tells whether a text
 * holds a secret (the client's redactor). Returned verbatim when nothing holds one.
 */
export function withoutSecrets(url: string, holds: (text: string) => boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const holdsAnyForm = (text: string) => decodings(text).some(holds);
  if (!holdsAnyForm(parsed.href)) return url;
  for (const [name, value] of [...parsed.searchParams]) {
    if (holdsAnyForm(name) || holdsAnyForm(value)) parsed.searchParams.delete(name);
  }
  parsed.pathname = parsed.pathname.split('/').map((part) => (holdsAnyForm(part) ? '[REDACTED]' : part)).join('/');
  if (holdsAnyForm(parsed.username) || holdsAnyForm(parsed.password)) {
    parsed.username = '';
    parsed.password = '';
  }
  if (holdsAnyForm(parsed.hash)) parsed.hash = '';
  return parsed.href;
}

// `text`, then each successive percent-decoding of it that changes it (a malformed escape ends the rounds).
function decodings(text: string): string[] {
  const forms = [text];
  for (let round = 0, current = text; round < DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current.replaceAll('+', ' '));
    } catch {
      break;
    }
    if (decoded === current) break;
    forms.push(decoded);
    current = decoded;
  }
  return forms;
}
