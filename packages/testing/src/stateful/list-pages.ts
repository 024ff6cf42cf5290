/**
 * Pages of a list as the real APIs page them, by the operation's `x-apiclients-pagination` style: `link` (a
 * `Link: <…>; rel="next"` header and `{ items }`, Webex: https://developer.webex.com/docs/basics#pagination) and
 * `page-number` (`page` and `per_page`/`limit` parameters and a bare array, Statuspage:
 * https://developer.statuspage.io/#section/Pagination).
 */
import type { MockCall, MockReply } from './vendor-profile.js';
import type { Json } from './spec-ref.js';

/** The query parameters of Webex's `link` paging: the page size and our cursor. */
export const LINK_PARAMS: readonly string[] = ['max', 'cursor'];

/** One page of `records`, or `undefined` for a style paged by the vendor's profile. */
export function pageOf(call: MockCall, records: Json[]): MockReply | undefined {
  const paging = call.operation.pagination;
  if (paging?.style === 'link') return linkPage(call, records);
  if (paging?.style === 'page-number') return numberedPage(call, records, paging);
  return undefined;
}

/**
 * Webex pages with `max` and a `Link` to the next page; the cursor is ours (Webex's is opaque too). Without `max`, a
 * page holds the spec's default of the operation's `max` (List Messages: 50; most other lists: 100).
 */
function linkPage(call: MockCall, records: Json[]): MockReply {
  const max = Math.max(1, whole(call.query.get('max'), Number(call.operation.queryDefaults.max ?? 100)));
  const offset = whole(call.query.get('cursor'), 0);
  const page = records.slice(offset, offset + max);
  const headers: Record<string, string> = {};
  if (offset + max < records.length) {
    const next = new URLSearchParams(call.query);
    next.set('cursor', String(offset + max));
    headers.link = `<${call.baseUrl}${pathOf(call)}?${next}>; rel="next"`;
  }
  return { status: 200, headers, body: { items: page } };
}

/** Statuspage pages by number from `start`, `defaultPerPage` a page unless the request says otherwise. */
function numberedPage(call: MockCall, records: Json[], paging: Json): MockReply {
  const start = Number(paging.start ?? 1);
  const perPage = Math.max(1, whole(call.query.get(String(paging.perPageParam)), Number(paging.defaultPerPage ?? 100)));
  const page = whole(call.query.get(String(paging.pageParam)), start);
  const from = (page - start) * perPage;
  return { status: 200, body: records.slice(from, from + perPage) };
}

function whole(text: string | null, fallback: number): number {
  const value = text === null ? NaN : Number(text);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

function pathOf(call: MockCall): string {
  return call.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(call.params[name] ?? ''));
}
