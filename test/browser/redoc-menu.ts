// How a Redocly page (Redoc 3, written by `redocly build-docs`) shows a spec's operations: its sidebar holds one
// menu item per tag (`Menu/MenuItem` with class `menu-item-type-group`) whose operations are only rendered while
// the group is open, and only one group is open at a time (opening one navigates to `#/<tag>` and closes the
// others). Each operation is a `menu-item-type-operation` item linking to `#/<tag>/<operationId>`, labelled with
// the operation's summary; navigating to that link renders the operation in the content pane, in a section whose
// `data-section-id` is `/<tag>/<operationId>`.
import type { Locator, Page } from 'playwright-core';

/** An operation as the sidebar lists it. */
export interface ListedOperation {
  /** The last segment of the item's link: the operation's `operationId`. */
  operationId: string;
  /** The item's label: the operation's `summary`. */
  summary: string;
  /** The link, `#/<tag>/<operationId>`. */
  href: string;
}

const MENU_ITEM = '[data-component-name="Menu/MenuItem"]';
const GROUP = `${MENU_ITEM}.menu-item-type-group`;
const OPERATION = `${MENU_ITEM}.menu-item-type-operation`;
const LABEL = '[data-testid="menu-item-label"]';
// Generous: the machine may be busy with other tests.
const TIMEOUT_MS = 30_000;

/** Reads the operation items under `root` (the page, or one group of the sidebar). */
const readOperations = (root: Locator): Promise<ListedOperation[]> =>
  root.locator(OPERATION).evaluateAll((items) =>
    items.map((item) => {
      const href = item.querySelector('a')?.getAttribute('href') ?? '';
      return {
        href,
        operationId: href.split('/').pop() ?? '',
        summary: item.querySelector('[data-text]')?.textContent?.trim() ?? '',
      };
    }),
  );

/**
 * Waits until React has hydrated the sidebar. The prerendered markup shows the menu at once, but a group's label
 * is a plain link (`href="/<tag>"`) until then: clicked too early, it would leave the page.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const item = document.querySelector(selector);
      return item !== null && Object.keys(item).some((key) => key.startsWith('__reactFiber'));
    },
    MENU_ITEM,
    { timeout: TIMEOUT_MS },
  );
}

/**
 * Every operation the sidebar lists, in sidebar order: opens each group in turn (a reader's click on its label)
 * and reads its operations while it is open. Operations outside any group are read too.
 */
export async function listedOperations(page: Page): Promise<ListedOperation[]> {
  await waitForHydration(page);
  const listed = new Map<string, ListedOperation>();
  const groups = page.locator(GROUP);
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const operations = group.locator(OPERATION);
    // A click that lands while the menu re-renders can be lost: click again, a few times, before giving up.
    for (let attempt = 1; (await operations.count()) === 0; attempt++) {
      await group.locator(LABEL).first().click();
      try {
        await operations.first().waitFor({ state: 'attached', timeout: 5_000 });
      } catch (error) {
        if (attempt === 3) throw new Error(`sidebar group ${i + 1} of ${count} shows no operation after ${attempt} clicks`, { cause: error });
      }
    }
    for (const operation of await readOperations(group)) listed.set(operation.href, operation);
  }
  for (const operation of await readOperations(page.locator(':root'))) listed.set(operation.href, operation);
  return [...listed.values()];
}

/**
 * Follows an operation's link (`#/<tag>/<operationId>`, as a reader's bookmark would) and waits until the
 * content pane shows the operation's heading; returns the heading's text.
 */
export async function openOperation(page: Page, operation: ListedOperation): Promise<string> {
  await page.goto(new URL(operation.href, page.url()).href);
  const heading = page.locator(`[data-section-id="${operation.href.replace(/^#/, '')}"] h2`).first();
  await heading.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return (await heading.textContent())?.trim() ?? '';
}
