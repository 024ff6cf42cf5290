// Makes a page from `redocly build-docs --inlineBundle` self-contained. The option inlines Redoc's script, but
// what we found in Redocly CLI 2.77's output (grep the built page for `https://`) still reaches other hosts:
//
// - the sidebar's "API docs by Redocly" link shows Redocly's logo, an <img> that the script adds after hydration
//   with src https://cdn.redoc.ly/redoc/logo-mini-full.svg (logo-mini.svg when the sidebar is collapsed): every
//   visit fetched it. We remove the link and the pill around it, from both the prerendered markup and the script
//   that renders them.
// - the icon sets are constants (https://cdn.redocly.com/icons/fa/7.0.0, .../code/5.24.0) that icons join with a
//   name into a CSS url(); our specs use no icon, but a future one could.
// - the OpenTelemetry collector https://otel.cloud.redocly.com/v1/traces. The page is built with
//   `disableTelemetry: true` (redocly.yaml says `telemetry: off`), yet the error path for a definition that fails to
//   load creates its own, enabled, sender.
//
// Every other URL in the page is text: the spec's own servers and links, links to redocly.com that a reader may
// click, and URLs inside library code and error messages.
/** An empty SVG: an image that renders nothing and fetches nothing. */
const EMPTY_SVG = 'data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22/%3E';

// URL constants in the bundle and what stands in for them. An empty `data:` URL keeps an icon's CSS url() local,
// and makes a telemetry POST fail at once instead of leaving the machine.
const REPLACEMENTS = [
  [/https?:\/\/cdn\.redoc\.ly\/[^\s"'`)]*/g, EMPTY_SVG],
  [/https?:\/\/cdn\.redocly\.com\/[^\s"'`)]*/g, 'data:,'],
  [/https?:\/\/otel\.cloud\.redocly\.com[^\s"'`)]*/g, 'data:,'],
];

// The attribution: a styled <span> (a blue pill) holding the link, as prerendered
// (`<span class="…"><a … href="https://redocly.com/redoc/"><p>API docs by</p></a></span>`) and as the script
// renders it (`(0,V.jsx)(jke,{$collapsedSidebar:n,children:(0,V.jsx)(`a`,{…,href:`https://redocly.com/redoc/`,…})})`).
const ATTRIBUTION_MARKUP = /<span\b[^>]*><a\b[^>]*\shref="https:\/\/redocly\.com\/redoc\/"[^>]*>[\s\S]*?<\/a><\/span>/g;
const ATTRIBUTION_CALL = /\(0,([\w$]+)\.jsx\)\([\w$]+,\{[^{}]*?children:\(0,\1\.jsxs?\)\(`a`,\{[^{}]*?href:`https:\/\/redocly\.com\/redoc\/`/g;

/**
 * The index just past the parenthesised argument list that opens at `html[open]`, skipping quoted strings.
 * Good enough for the small, minified JSX call it is used on; throws if a template literal holds `${`.
 */
function endOfCall(html, open) {
  let depth = 0;
  for (let i = open; i < html.length; i++) {
    const c = html[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = html.indexOf(c, i + 1);
      if (c === '`' && html.slice(i, close).includes('${')) throw new Error('offline-page: unexpected template literal');
      i = close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('offline-page: unbalanced call');
}

/**
 * Removes the "API docs by Redocly" pill from the markup and from the script, so that hydration still matches.
 * Throws when the two are not found together (a Redocly upgrade changed the page): half a removal would make
 * React discard the prerendered markup.
 */
function removeAttribution(html) {
  const markup = html.match(ATTRIBUTION_MARKUP) ?? [];
  const calls = [...html.matchAll(ATTRIBUTION_CALL)];
  if (markup.length === 0 && calls.length === 0) return html;
  if (markup.length !== 1 || calls.length !== 1) {
    throw new Error(
      `offline-page: expected the Redocly attribution once in the markup and once in the script, found ${markup.length} and ${calls.length}; ` +
        'has @redocly/cli changed its output?',
    );
  }
  const start = calls[0].index;
  const end = endOfCall(html, html.indexOf(')(', start) + 1);
  return (html.slice(0, start) + 'null' + html.slice(end)).replace(ATTRIBUTION_MARKUP, '');
}

/**
 * A Redocly page that fetches nothing from another host when opened: the attribution link and its logo removed,
 * the CDN and telemetry URL constants replaced by inline `data:` URLs.
 *
 * @param {string} html A page written by `redocly build-docs --inlineBundle`.
 * @returns {string} The same page, self-contained.
 */
export function makeOffline(html) {
  let page = removeAttribution(html);
  for (const [url, replacement] of REPLACEMENTS) page = page.replace(url, replacement);
  return page;
}
