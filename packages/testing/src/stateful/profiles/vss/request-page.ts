/**
 * One page of `GET /request/{type}` as VSS answers it (eis-vss.atlassian.net/wiki/spaces/API/pages/8880251/Request,
 * "Paging" and "Expansion"): `per_page` (default 10) and `page` from 1, the requests' URLs or (with `expand=1`) the
 * requests themselves in `data`, and `meta.pages` whose URLs keep the query as VSS writes it:
 * `filter`, `sort`, `per_page`, `page`, then `expand`.
 */
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockReply } from '../../vendor-profile.js';

/** The page of `requests` (filtered and sorted already) the call asks for, listed at `listUrl`. */
export function requestPage(call: MockCall, requests: Json[], listUrl: string, meta: { time: string; user: string }): MockReply {
  const perPage = whole(call.query.get('per_page'), 10);
  const page = whole(call.query.get('page'), 1);
  const expand = call.query.get('expand') === '1';
  const filter = call.query.get('filter');
  const sort = call.query.get('sort');
  const total = requests.length;
  const pages = Math.ceil(total / perPage);
  const pageUrl = (at: number) => {
    const query = new URLSearchParams();
    if (filter !== null) query.set('filter', filter);
    if (sort !== null) query.set('sort', sort);
    query.set('per_page', String(perPage));
    query.set('page', String(at));
    if (call.query.has('expand')) query.set('expand', String(call.query.get('expand')));
    return `${listUrl}?${query}`;
  };
  const onPage = requests.slice((page - 1) * perPage, page * perPage);
  const self = call.query.size > 0 ? `${listUrl}?${call.query}` : listUrl;
  return {
    status: 200,
    body: {
      data: onPage.map((request) => (expand ? request : `${listUrl}/${String(request.id)}`)),
      meta: {
        _link: { self },
        count: onPage.length,
        ...(filter === null ? {} : { filter }),
        pages: {
          first_url: pageUrl(1),
          last_url: pageUrl(Math.max(pages, 1)),
          next_url: page < pages ? pageUrl(page + 1) : null,
          page,
          pages,
          per_page: perPage,
          prev_url: page > 1 ? pageUrl(page - 1) : null,
          total,
        },
        ...(sort === null ? {} : { sort }),
        ...meta,
      },
    },
  };
}

function whole(text: string | null, fallback: number): number {
  const value = Number(text ?? NaN);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}
