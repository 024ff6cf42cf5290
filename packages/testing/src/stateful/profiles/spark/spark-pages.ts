/**
 * Pages of Webex lists (list-pages.ts: `max`, `{ items }` and a `Link` to the next page), with two known defects of
 * Webex's next links that a test can switch on, to check that a client copes:
 * - "a Link header may sometimes point to an empty page" (developer.webex.com/docs/basics, "Pagination");
 * - next links that drop `mentionedPeople` (a bot then gets 403 on page 2; WebexPythonSDK issue #168) and carry
 *   `max=null` (refused when followed as is; ciscosparkapi restsession.py `_fix_next_url`).
 */
import { pageOf } from '../../list-pages.js';
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockReply } from '../../vendor-profile.js';
import { stateOf } from './spark-state.js';

/** Webex's paging defects, each off unless a test switches it on. */
export interface SparkPagingQuirks {
  /** The last page of a list links to one more page, empty. */
  emptyLastPage?: boolean;
  /** Next links drop `mentionedPeople` and carry `max=null`. */
  brokenNextLinks?: boolean;
}

const NEXT = /<([^>]*)>;\s*rel="next"/;

/** One page of `records` as Webex answers it, with the quirks the mock was started with. */
export function sparkPage(call: MockCall, records: Json[]): MockReply {
  const reply = pageOf(call, records) ?? { status: 200, body: { items: records } };
  const quirks = stateOf(call).quirks;
  const headers = { ...reply.headers };
  const items = (reply.body as { items: Json[] }).items;
  if (quirks.emptyLastPage && headers.link === undefined && items.length > 0 && call.operation.pagination?.style === 'link') {
    // Past the last record: the cursor of list-pages.ts counts records.
    const next = new URLSearchParams(call.query);
    next.set('cursor', String(records.length));
    headers.link = `<${call.baseUrl}${call.operation.path}?${next}>; rel="next"`;
  }
  const link = headers.link === undefined ? undefined : NEXT.exec(headers.link)?.[1];
  if (quirks.brokenNextLinks && link !== undefined) {
    const broken = new URL(link);
    broken.searchParams.delete('mentionedPeople');
    broken.searchParams.set('max', 'null');
    headers.link = `<${broken}>; rel="next"`;
  }
  return { ...reply, headers };
}
