/**
 * What a pagination style is: the rule that finds the next page from the page just answered. Each style the
 * `x-apiclients-pagination` extension may name is one module in styles/, listed in pagination-styles.ts.
 */
import type { PaginationPolicy } from '../operations/operation-table.js';
import type { ResponseHead } from '../transport/sender.js';

/** One answered page, as a style reads it. */
export interface AnsweredPage {
  /** The operation's `x-apiclients-pagination`. */
  policy: PaginationPolicy;
  /** Status and headers of the page's response. */
  response: ResponseHead;
  /** The parsed body. */
  data: unknown;
  /** The page's items (found at the policy's `items` path). */
  items: unknown[];
  /** The URL that answered. */
  url: string;
  /** The page size the first request asked for (its `perPageParam`), or NaN when it asked for none. */
  perPage: number;
}

/** A pagination style. */
export interface PaginationStyle {
  /** The next page's URL, or null on the last page. */
  next(page: AnsweredPage): string | null;
}
