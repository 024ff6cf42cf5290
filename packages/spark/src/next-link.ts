/**
 * Repairs Webex next links before they are followed. Everything else in a link is kept verbatim (it may hold
 * valueless parameters such as `&before&after=…`).
 * - Next links have dropped filter parameters, e.g. `mentionedPeople=me`, so a bot got 403 on page 2
 *   (WebexPythonSDK issue #168, PR #169; fixed there in PR #261 by re-adding these parameters).
 * - Next links have carried `max=null` (ciscosparkapi restsession.py `_fix_next_url` removes it).
 */

/** Parameters the server is known to drop from next links; re-added from the first request when missing. */
export const KEPT_PARAMS = ['max', 'roomId', 'parentId', 'mentionedPeople', 'before', 'beforeMessage'] as const;

/** The next link with `max=null` removed and dropped parameters re-added. */
export function repairNextLink(next: string, firstUrl: string): string {
  const [head = next, ...fragment] = next.split('#');
  const queryAt = head.indexOf('?');
  const path = queryAt === -1 ? head : head.slice(0, queryAt);
  const pairs = queryAt === -1 ? [] : head.slice(queryAt + 1).split('&').filter((pair) => pair !== '' && pair !== 'max=null');
  const present = new Set(pairs.map((pair) => decodedName(pair.split('=')[0] ?? '')));
  const first = new URL(firstUrl).searchParams;
  for (const name of KEPT_PARAMS) {
    const value = first.get(name);
    if (value !== null && !present.has(name)) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  const query = pairs.length ? `?${pairs.join('&')}` : '';
  return `${path}${query}${fragment.length ? `#${fragment.join('#')}` : ''}`;
}

// A name with a malformed escape (`%zz`) is compared as sent: repairing must not throw (the list refuses such a
// link itself, after handing over the page's items).
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
