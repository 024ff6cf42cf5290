/** `link`: the next page is the RFC 8288 `Link: <…>; rel="next"` header (Webex). */
import { nextLink } from '../link-header.js';
import type { PaginationStyle } from '../pagination-style.js';

/** An empty page may still link on: page until there is no next link (https://developer.webex.com/docs/basics#pagination). */
export const linkStyle: PaginationStyle = {
  next: ({ response }) => nextLink(response.headers.get('link')),
};
