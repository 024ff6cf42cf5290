/**
 * The later pages of a list whose first page says how many there are (VSS's `meta.pages.pages`, the policy's
 * `totalPages`), so that they can be fetched several at a time.
 */
import type { PaginationPolicy } from '../operations/operation-table.js';
import { valueAt } from '../values/value-at.js';
import { pageNumberOf, withPage } from './page-numbers.js';
import type { LaterPages } from './paged-list.js';

/**
 * The later pages, when the first page says how many there are: a count and a way to build each URL, so that a
 * server announcing `pages: 1e9` allocates nothing (the list caps what it fetches at `maxPages`).
 */
export function laterPagesOf(pagination: PaginationPolicy, data: unknown, url: string): LaterPages | undefined {
  const { pageParam } = pagination;
  if (!pagination.totalPages || !pageParam) return undefined;
  const total = valueAt(data, pagination.totalPages);
  if (typeof total !== 'number' || !Number.isSafeInteger(total)) return undefined;
  const current = pageNumberOf(url, pageParam, pagination.start ?? 1);
  return { count: Math.max(0, total - current), url: (index) => withPage(url, pageParam, current + 1 + index) };
}
