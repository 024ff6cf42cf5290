// Reads a TypeDoc (0.28, default theme) package page in the browser: the index lists every export as a
// `.tsd-member-summary-name` entry whose first link is the symbol's own page.
import type { Page } from 'playwright-core';

const SYMBOL_LINKS = '.tsd-member-summary-name > a:not(.tsd-anchor-icon)';

/** The names of every symbol the package page lists, in its order. */
export async function listedSymbols(page: Page): Promise<string[]> {
  await page.locator(SYMBOL_LINKS).first().waitFor({ state: 'visible' });
  return (await page.locator(SYMBOL_LINKS).allTextContents()).map((name) => name.trim());
}

/** Follows the index's link to `symbol` and returns the heading of the page it opens ("Class SparkClient"). */
export async function openSymbol(page: Page, symbol: string): Promise<string> {
  await page.locator(SYMBOL_LINKS, { hasText: new RegExp(`^${symbol}$`) }).first().click();
  await page.waitForLoadState('load');
  const heading = page.locator('.tsd-page-title h1');
  await heading.waitFor({ state: 'visible' });
  return ((await heading.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
