/** `page-number`: the next page is the page number (the policy's `pageParam`) plus one (Statuspage). */
import { pageNumberOf, withPage } from '../page-numbers.js';
import type { PaginationStyle } from '../pagination-style.js';

/** The list ends at an empty page or one shorter than the page size asked for. */
export const pageNumberStyle: PaginationStyle = {
  next: ({ policy, items, url, perPage }) => {
    const pageParam = policy.pageParam ?? 'page';
    if (items.length === 0 || (Number.isFinite(perPage) && items.length < perPage)) return null;
    return withPage(url, pageParam, pageNumberOf(url, pageParam, policy.start ?? 1) + 1);
  },
};
