/**
 * The documentation site (`npm run docs`) in a real browser: Debian's Chromium driven by playwright-core, the site
 * served from 127.0.0.1. The index links every API page and every package page; every API page lists every
 * operation of its spec, by summary, and shows one of them; every package page (TypeDoc) lists every runtime export
 * of the built package and opens the page of its key symbol; no page fetches anything from another host or raises
 * an error. One screenshot per page, checked not to be blank, lands in test/browser/screenshots/ (not committed)
 * for a human to look at.
 *
 * Skipped, with the reason printed, only when /usr/bin/chromium is missing (`.ci/run` installs it as root).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSpecs, readSpec } from '../../scripts/lib/specs.mjs';
import { listPackages } from '../../scripts/lib/api-pages.mjs';
import { buildSiteInScratch, type ScratchSite } from './build-site.js';
import { listedOperations, openOperation } from './redoc-menu.js';
import { listedSymbols, openSymbol } from './typedoc-index.js';
import { screenshotOnceRendered } from './screenshot.js';
import { serveDirectory, type StaticServer } from './static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `test/browser/docs.test.ts skipped: ${CHROMIUM} does not exist. Install Debian's Chromium to run it ` +
      '(as root: apt-get update && apt-get install -y --no-install-recommends chromium; .ci/run does this).',
  );
}

// Flags that keep Chromium from phoning home on its own (updates, sync, field trials, QUIC probes), so that the
// only requests are the page's. --no-sandbox: CI runs as root, where the sandbox refuses to start.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
];

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
// Building the site runs Redocly four times and TypeDoc once per package: minutes on a busy machine.
const BUILD_TIMEOUT_MS = 600_000;

/** The symbol each package page must link, whose page the test opens: the package's main entry point. */
const KEY_SYMBOLS: Record<string, string> = {
  core: 'createTransport',
  spark: 'SparkClient',
  statuspage: 'StatuspageClient',
  testing: 'startMockServer',
  vspark: 'VSparkClient',
  vss: 'VssClient',
};
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Operation = { operationId?: string; summary?: string };
type PathItem = Record<string, Operation>;

/**
 * Every operation of a spec as { operationId, summary }, in the spec's order: those under `paths`, then those under
 * `webhooks` (OpenAPI 3.1), which Redocly lists in the sidebar as well.
 */
function specOperations(file: string): { operationId: string; summary: string }[] {
  const spec = readSpec(file) as { paths?: Record<string, PathItem>; webhooks?: Record<string, PathItem> };
  return [...Object.values(spec.paths ?? {}), ...Object.values(spec.webhooks ?? {})].flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([, operation]) => ({ operationId: operation.operationId ?? '', summary: operation.summary ?? '' })),
  );
}

/** Whether a request stays on the machine: the site's own origin, or an inline `data:` / `blob:` URL. */
function isLocal(url: string, origin: string): boolean {
  const { protocol } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || new URL(url).origin === origin;
}

describe.skipIf(!hasChromium)('documentation site in Chromium', () => {
  let site: ScratchSite | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  // Everything the browser asked for and every error a page raised, over the whole run.
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = buildSiteInScratch();
    server = await serveDirectory(site.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A request to another host is recorded (and fails the test below), then aborted so that it never leaves.
    context.on('request', (request) => void requests.push(request.url()));
    await context.route(
      (url) => !isLocal(url.href, server!.origin),
      (route) => route.abort('blockedbyclient'),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  /** The spec a page was built from: the scratch copy, not specs/, which may have changed since. */
  const builtSpec = (vendor: string) => join(site!.specsDir, `${vendor}.yaml`);

  /** A fresh page that records its uncaught errors and console errors. */
  async function newPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: console.error: ${message.text()}`);
    });
    return page;
  }

  it('the index links every API page', async () => {
    const page = await newPage();
    await page.goto(`${server!.origin}/`);
    expect(await page.title()).toBe('apiclients API reference');
    for (const { vendor } of listSpecs()) {
      const link = page.locator(`a[href="${vendor}.html"]`);
      expect(await link.count(), vendor).toBe(1);
      expect((await link.textContent())?.trim()).toBe(readSpec(builtSpec(vendor)).info.title);
    }
    for (const pkg of listPackages()) {
      const link = page.locator(`a[href="api/${pkg.short}/index.html"]`);
      expect(await link.count(), pkg.name).toBe(1);
      expect((await link.textContent())?.trim()).toBe(pkg.name);
    }
    await screenshotOnceRendered(page, join(SCREENSHOTS, 'index.png'));
    await page.close();
  });

  for (const { vendor } of listSpecs()) {
    it(`${vendor}.html, reached from the index, lists every operation of specs/${vendor}.yaml`, async () => {
      const page = await newPage();
      await page.goto(`${server!.origin}/`);
      await page.locator(`a[href="${vendor}.html"]`).click();
      await page.waitForURL(`${server!.origin}/${vendor}.html`);
      await page.waitForLoadState('load');
      const file = builtSpec(vendor);
      const title = readSpec(file).info.title;
      await page.locator('h1', { hasText: title }).first().waitFor({ state: 'visible' });

      const listed = await listedOperations(page);
      const expected = specOperations(file);
      expect(expected.length).toBeGreaterThan(0);
      expect(new Set(listed.map((op) => op.operationId))).toEqual(new Set(expected.map((op) => op.operationId)));
      expect(listed).toHaveLength(expected.length);
      for (const { operationId, summary } of expected) {
        expect(listed.find((op) => op.operationId === operationId)?.summary, `${vendor} ${operationId}`).toBe(summary);
      }

      // The content pane renders an operation too, heading and all: the last one, whose group is open.
      const last = listed.at(-1)!;
      expect(await openOperation(page, last)).toBe(last.summary);
      await screenshotOnceRendered(page, join(SCREENSHOTS, `${vendor}.png`));
      await page.close();
    }, 120_000);
  }

  for (const pkg of listPackages()) {
    it(`api/${pkg.short}/index.html, reached from the index, lists every export of ${pkg.name}`, async () => {
      const page = await newPage();
      await page.goto(`${server!.origin}/`);
      await page.locator(`a[href="api/${pkg.short}/index.html"]`).click();
      await page.waitForURL(`${server!.origin}/api/${pkg.short}/index.html`);
      await page.waitForLoadState('load');
      expect(await page.title()).toContain(pkg.name);

      // Every value the built package exports (the workspace package's dist) has an entry on its page.
      const listed = await listedSymbols(page);
      const exported = Object.keys((await import(pkg.name)) as object);
      expect(exported.length).toBeGreaterThan(0);
      expect(exported.filter((name) => !listed.includes(name))).toEqual([]);

      const symbol = KEY_SYMBOLS[pkg.short];
      expect(symbol, `KEY_SYMBOLS has no entry for packages/${pkg.short}`).toBeDefined();
      expect(listed).toContain(symbol);
      await screenshotOnceRendered(page, join(SCREENSHOTS, `api-${pkg.short}.png`));
      expect(await openSymbol(page, symbol!)).toMatch(new RegExp(`^(Class|Function|Interface|Variable) ${symbol}\\b`));
      await page.close();
    }, 120_000);
  }

  it('no page fetched anything from another host, and none raised an error', () => {
    expect(requests.length).toBeGreaterThan(listSpecs().length);
    expect(requests.filter((url) => !isLocal(url, server!.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
