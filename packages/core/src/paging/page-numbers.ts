/** Page numbers in a page's URL: the one it asks for, and the URL of another page. */

/** The page number `url` asks for in `pageParam`, or `start` when it asks for none (or not a number). */
export function pageNumberOf(url: string, pageParam: string, start: number): number {
  const value = new URL(url).searchParams.get(pageParam);
  return value === null || !/^\d+$/.test(value) ? start : Number(value);
}

/** `url` asking for page `page` in `pageParam`. */
export function withPage(url: string, pageParam: string, page: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set(pageParam, String(page));
  return parsed.href;
}
