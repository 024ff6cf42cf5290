/**
 * RFC 8288 (formerly RFC 5988) `Link` header parsing.
 * `<https://x/people?max=10&before&after=Y2lz>; rel="next", <…>; rel="prev"`
 * URLs are returned exactly as sent: Webex's contain valueless parameters (`&before&`) that must be followed verbatim
 * (https://developer.webex.com/docs/basics#pagination).
 */

/** One link of a Link header. */
export interface Link {
  /** The target, as written between `<` and `>`. */
  url: string;
  /** Relation types (`rel` may name several, space-separated), lower case. */
  rel: string[];
  /** Every other parameter, lower-case names, unquoted values. */
  params: Record<string, string>;
}

/** Every link of a Link header value; malformed parts are skipped, never thrown on. */
export function parseLinkHeader(value: string | null | undefined): Link[] {
  const links: Link[] = [];
  if (!value) return links;
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('<', i);
    if (open === -1) break;
    const close = value.indexOf('>', open + 1);
    if (close === -1) break;
    const url = value.slice(open + 1, close).trim();
    const { params, end } = readParams(value, close + 1);
    links.push({ url, rel: (params.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean), params });
    i = end;
  }
  return links;
}

/** The target of the first `rel="next"` link, or null. */
export function nextLink(value: string | null | undefined): string | null {
  return parseLinkHeader(value).find((link) => link.rel.includes('next'))?.url ?? null;
}

const PARAM_NAME = /\s*([^=;,\s]+)\s*/y;
const TOKEN_VALUE = /[^;,]*/y;

// Reads `; name=value; name="quoted, value"` up to the comma that ends this link.
function readParams(value: string, start: number): { params: Record<string, string>; end: number } {
  const params: Record<string, string> = {};
  let i = start;
  while (i < value.length) {
    while (value[i] === ' ' || value[i] === '\t') i++;
    if (value[i] === ',') return { params, end: i + 1 };
    if (value[i] !== ';') {
      // Junk between links: skip to the next link.
      const next = value.indexOf(',', i);
      return { params, end: next === -1 ? value.length : next + 1 };
    }
    i++;
    // Sticky patterns read at `i` in place: slicing the rest of the header for each parameter is quadratic.
    PARAM_NAME.lastIndex = i;
    const nameMatch = PARAM_NAME.exec(value);
    if (!nameMatch?.[1]) continue;
    const name = nameMatch[1].toLowerCase();
    i += nameMatch[0].length;
    let paramValue = '';
    if (value[i] === '=') {
      i++;
      while (value[i] === ' ') i++;
      if (value[i] === '"') {
        let j = i + 1;
        while (j < value.length && value[j] !== '"') j += value[j] === '\\' ? 2 : 1;
        paramValue = value.slice(i + 1, j).replace(/\\(.)/g, '$1');
        i = j + 1;
      } else {
        TOKEN_VALUE.lastIndex = i;
        const m = TOKEN_VALUE.exec(value);
        paramValue = (m?.[0] ?? '').trim();
        i += m?.[0].length ?? 0;
      }
    }
    // RFC 8288 §3: only the first occurrence of a parameter counts.
    if (!(name in params)) params[name] = paramValue;
  }
  return { params, end: value.length };
}
