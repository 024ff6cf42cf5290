// Which outside URLs an HTML page fetches as soon as it is opened. `npm run docs` fails when a page still has one,
// so that the site works offline and tells no third party who reads it.
//
// Only what loads on its own counts: `<a href>` links a reader may click, URLs quoted in the text (a spec's
// `servers` entry, links inside a description) and loopback addresses are not fetches.

// Loopback hosts: a page may name them (V-Spark's default server is http://localhost:3000) without leaving the machine.
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

// Hosts that Redocly's bundle only names in string constants and joins with a path at run time, so no `src=` or
// `url()` shows they are fetched: the logo (cdn.redoc.ly/redoc/logo-mini*.svg, an <img> added after hydration),
// the icon sets (cdn.redocly.com/icons/..., CSS `url(${base}/${name}.svg)`) and the OpenTelemetry collector
// (otel.cloud.redocly.com/v1/traces). Any URL on them counts as a fetch.
const RUNTIME_HOSTS = /^(?:cdn\.redoc\.ly|cdn\.redocly\.com|otel\.cloud\.redocly\.com)$/i;

// <link rel> values that only describe a relation and never make the browser load anything.
const NON_FETCHING_RELS = new Set(['alternate', 'author', 'canonical', 'help', 'license', 'next', 'prev', 'search']);

// A quoted or bare attribute value; the value is whichever group matched.
const VALUE = String.raw`\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`;
const attributeValue = (m, first) => m[first] ?? m[first + 1] ?? m[first + 2];

/** The host of an absolute or protocol-relative http(s) URL, or undefined for anything else (data:, relative, #). */
function hostOf(url) {
  const m = /^\s*(?:https?:)?\/\/(\[[^\]]*\]|[^/?#:\s]*)/i.exec(url);
  return m ? m[1] : undefined;
}

/** Whether loading `url` would leave the machine. */
function isOutside(url) {
  const host = hostOf(url);
  return host !== undefined && host !== '' && !LOOPBACK.test(host);
}

/** Every URL of a `srcset` (`url 1x, url 2x`). */
const srcsetUrls = (value) => value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]);

/**
 * The outside URLs that a browser would fetch when it opens `html`, each once, in order of appearance.
 *
 * Counted: `src`, `srcset` and `poster` attributes (in markup, and in markup or compiled JSX inside scripts:
 * `src:"…"`); `href` of `<link>` (except relations such as `canonical`), `<base>`, and SVG `<image>`/`<use>`;
 * CSS `url(…)` and `@import`; literal URLs passed to `fetch`, `import()`, `importScripts`, `sendBeacon`,
 * `Worker`, `EventSource`, `WebSocket`; and any URL on a host Redocly's bundle fetches from at run time.
 * Not counted: `<a href>` links, URLs that are only text, `data:` URLs, relative URLs and loopback hosts.
 *
 * @param {string} html A whole page.
 * @returns {string[]} The offending URLs; empty when the page is self-contained.
 */
export function findOutsideFetches(html) {
  const found = new Set();
  const add = (url) => {
    if (url !== undefined && isOutside(url)) found.add(url.trim());
  };

  // Attributes that load on sight, wherever they stand (an <img> in a description's HTML loads too).
  for (const m of html.matchAll(new RegExp(String.raw`[\s"'/](src|poster|srcset)${VALUE}`, 'gi'))) {
    const value = attributeValue(m, 2);
    if (m[1].toLowerCase() === 'srcset') srcsetUrls(value).forEach(add);
    else add(value);
  }

  // <link href> loads unless the relation is only descriptive; <base href> redirects every relative URL.
  for (const m of html.matchAll(/<(link|base)\b[^>]*>/gi)) {
    const href = new RegExp(String.raw`\shref${VALUE}`, 'i').exec(m[0]);
    if (!href) continue;
    const rel = new RegExp(String.raw`\srel${VALUE}`, 'i').exec(m[0]);
    const rels = rel ? attributeValue(rel, 1).toLowerCase().split(/\s+/) : [];
    if (m[1].toLowerCase() === 'link' && rels.length && rels.every((r) => NON_FETCHING_RELS.has(r))) continue;
    add(attributeValue(href, 1));
  }

  // SVG that pulls in an outside image or symbol.
  for (const m of html.matchAll(new RegExp(String.raw`<(?:image|use|feImage)\b[^>]*\s(?:xlink:)?href${VALUE}`, 'gi'))) {
    add(attributeValue(m, 1));
  }

  // CSS, in <style>, style="" or a script's string: url(…) and @import "…".
  for (const m of html.matchAll(/(?<![\w.$])url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) add(attributeValue(m, 1));
  for (const m of html.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)) add(m[1]);

  // Compiled JSX (`jsx("img", { src: "…" })`) and literal URLs handed to the APIs that load them.
  for (const m of html.matchAll(/\b(?:src|srcSet|poster)\s*:\s*(["'`])([^"'`]*)\1/g)) add(m[2]);
  const loaders = /\b(?:fetch|import|importScripts|sendBeacon|Worker|SharedWorker|EventSource|WebSocket)\s*\(\s*(["'`])([^"'`]*)\1/g;
  for (const m of html.matchAll(loaders)) add(m[2]);

  // Hosts the bundle joins with a path at run time.
  for (const m of html.matchAll(/https?:\/\/[^\s"'`<>()\\]+/gi)) {
    if (RUNTIME_HOSTS.test(hostOf(m[0]) ?? '')) add(m[0]);
  }

  return [...found];
}
