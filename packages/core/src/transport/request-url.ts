/**
 * A bound operation's URL from its path template and arguments, serialised as openapi-fetch does by default
 * (OpenAPI `style: simple` path parameters, `style: form, explode: true` query parameters), so a call through
 * the wrapper and the same call through `.raw` send the same URL.
 */

/**
 * `baseUrl` + `template` with `{name}` filled from `path`, then the query; undefined query values are left out.
 * Path values were checked to be one segment each (operations/argument-text.ts, `checkPathSegment`) when the call was prepared.
 */
export function requestUrl(
  baseUrl: string,
  template: string,
  path: Record<string, unknown>,
  query: Record<string, unknown>,
): string {
  let url = baseUrl + template.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(path[name])));
  let separator = '?';
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      url += `${separator}${encodeURIComponent(name)}=${encodeURIComponent(String(one))}`;
      separator = '&';
    }
  }
  return url;
}
