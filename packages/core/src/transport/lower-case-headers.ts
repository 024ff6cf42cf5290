/** Header records as the transport and its senders keep them: every name in lower case. */

/** A header record with lower-case names. */
export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] as string;
  return out;
}
