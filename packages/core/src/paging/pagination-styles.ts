/**
 * The pagination styles `x-apiclients-pagination` may name, by name. A new style is a module in styles/ and a
 * line here (and its name in the extension's schema, scripts/lib/extensions.mjs).
 */
import { ConfigurationError } from '../errors/api-client-error.js';
import type { AnsweredPage, PaginationStyle } from './pagination-style.js';
import { linkStyle } from './styles/link.js';
import { nextUrlStyle } from './styles/next-url.js';
import { pageNumberStyle } from './styles/page-number.js';

/** Every style, by the name the spec gives it. */
export const PAGINATION_STYLES: ReadonlyMap<string, PaginationStyle> = new Map([
  ['link', linkStyle],
  ['next-url', nextUrlStyle],
  ['page-number', pageNumberStyle],
]);

/** The next page's URL by the policy's style, or null on the last page. */
export function nextPageUrl(page: AnsweredPage): string | null {
  const style = PAGINATION_STYLES.get(page.policy.style);
  if (!style) throw new ConfigurationError(`Unknown x-apiclients-pagination style "${page.policy.style}"`);
  return style.next(page);
}
