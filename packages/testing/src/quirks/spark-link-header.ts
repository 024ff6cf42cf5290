import { isJsonType, type MockQuirk } from '../mock-quirk.js';

/** The cursor parameter of the mock's next links, as in Webex's own (`…&before&after=Y2lz…`). */
export const SPARK_CURSOR = 'after';
/** The cursor value the mock puts in its next links: a Webex-style base64 id (`ciscospark://us/PAGE/2`). */
const CURSOR_VALUE = Buffer.from('ciscospark://us/PAGE/2').toString('base64url');

/**
 * Webex pages lists with an RFC 8288 `Link` header: `rel="next"` on every page but the last, none on the last
 * (developer.webex.com/docs/basics, "Pagination"). A header example in the spec would be sent on every page, so
 * Prism cannot do it: the mock drops whatever Prism sends and, on the first page of a list (a 200 JSON answer with
 * `items`), links to the next page of the same request with a cursor; a request with the cursor is a later page.
 */
export const sparkLinkHeader: MockQuirk = {
  response(response, request, { origin }) {
    delete response.headers.link;
    if (request.method !== 'GET' || response.status !== 200 || !isJsonType(response.headers['content-type'])) return;
    if (request.url.searchParams.has(SPARK_CURSOR) || !hasItems(response.body)) return;
    const next = new URL(request.url.pathname + request.url.search, origin);
    next.searchParams.set(SPARK_CURSOR, CURSOR_VALUE);
    response.headers.link = `<${next.href}>; rel="next"`;
  },
};

function hasItems(body: Buffer): boolean {
  try {
    return Array.isArray((JSON.parse(body.toString('utf8')) as { items?: unknown }).items);
  } catch {
    return false;
  }
}
