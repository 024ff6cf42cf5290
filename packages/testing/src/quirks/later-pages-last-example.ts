import type { FrontRequest, MockQuirk } from '../mock-quirk.js';

/** The named example every paged list of our specs has for its last page (a test checks that each has one). */
export const LAST_PAGE_EXAMPLE = 'lastPage';

/**
 * Paging that ends: a request for a later page (as the vendor's rule tells) is answered with the list's
 * `lastPage` example, which links to no further page. Prism is stateless and would otherwise answer every page with
 * the first one, whose next link leads on forever. A `Prefer` header the client sent wins.
 */
export function laterPagesLastExample(isLaterPage: (request: FrontRequest) => boolean): MockQuirk {
  return {
    request(request) {
      if (request.method === 'GET' && !request.headers.prefer && isLaterPage(request)) request.headers.prefer = `example=${LAST_PAGE_EXAMPLE}`;
    },
  };
}

/** A rule for {@link laterPagesLastExample}: the query parameter `name` is a page number greater than `first`. */
export const pageNumberAfter =
  (name: string, first: number) =>
  (request: FrontRequest): boolean =>
    Number(request.url.searchParams.get(name) ?? first) > first;
