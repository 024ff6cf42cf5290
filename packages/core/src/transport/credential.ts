/**
 * The client's credential and how it travels: in a header (`Authorization`, by RFC 9110 §11.6.2) or as a query
 * parameter (V-Spark's `?token=`), added by the transport to every request that does not carry one already.
 */

/** A credential the transport adds to every request that does not carry one already. */
export type Credential =
  | { in: 'header'; name: string; value: string }
  | { in: 'query'; name: string; value: string };

/** The `Authorization: <scheme> <credentials>` header credential (RFC 9110 §11.6.2): Bearer, OAuth, Basic. */
export function authorization(scheme: string, credentials: string): Credential {
  return { in: 'header', name: 'authorization', value: `${scheme} ${credentials}` };
}

/** `url` with a query credential appended, unless the URL already carries that parameter. */
export function withQueryCredential(url: string, credential: Credential): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has(credential.name)) return url;
  // Append rather than re-serialise: next links are followed verbatim (Webex sends valueless `&before&after=`,
  // https://developer.webex.com/docs/basics#pagination).
  const [head = url, ...fragment] = url.split('#');
  const separator = parsed.search ? '&' : head.endsWith('?') ? '' : '?';
  const pair = `${encodeURIComponent(credential.name)}=${encodeURIComponent(credential.value)}`;
  return `${head}${separator}${pair}${fragment.length ? `#${fragment.join('#')}` : ''}`;
}
