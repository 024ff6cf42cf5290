/**
 * The redirect policy. The transport follows redirects itself rather than leaving them to fetch, so that it
 * decides where the credential goes: a redirect within the request's origin is followed with the credential
 * (re-added, since a `Location` rarely repeats V-Spark's `?token=`); a redirect to another origin is followed
 * without it, and without any header that carries one. The method and body rules are the Fetch standard's
 * ("HTTP-redirect fetch", steps 11–12).
 */
import type { ResponseHead } from './sender.js';

/** Statuses that redirect (Fetch standard, "redirect status"). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Most redirects one attempt follows; fetch's own limit (Fetch standard, step 7 of "HTTP-redirect fetch"). */
export const MAX_REDIRECTS = 20;

/** Request headers that describe a body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Request headers that carry a credential, never sent to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

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
  if (leavesOrigin) for (const name of [...CREDENTIAL_HEADERS, credentialHeader?.toLowerCase()]) if (name) delete headers[name];
  return { method: toGet ? 'GET' : hop.method, headers, body: toGet ? null : hop.body };
}

/**
 * A Location to another origin without any query parameter whose value is `secret`: a server that echoes the
 * request's query into its Location (V-Spark's `?token=`) must not hand our credential to the next host.
 * Returned verbatim when no parameter holds it.
 */
export function withoutSecretParams(url: string, secret: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const leaking = [...parsed.searchParams].filter(([, value]) => value === secret).map(([name]) => name);
  if (leaking.length === 0) return url;
  for (const name of leaking) parsed.searchParams.delete(name);
  return parsed.href;
}
