/**
 * The reusable async iterable every list operation returns. `for await` yields items across pages;
 * each iteration starts again from the first page, like ciscosparkapi's reusable GeneratorContainer
 * (https://ciscosparkapi.readthedocs.io/en/latest/user/quickstart.html);
 * `.pages()` yields pages, `.toArray()` collects, `.take(n)` stops after n items.
 * Safety: next links are followed only within the first page's origin, a link seen before stops the
 * walk with an error, and so does passing `maxPages`.
 */
import { PaginationError } from '../errors/api-client-error.js';
import type { ResponseHead } from '../transport/sender.js';
import { isWholeNumber, wholeNumber } from '../values/whole-number.js';

/** What fetching one page produces. */
export interface PageResult<T> {
  /** The items of this page (possibly none: Webex may link to an empty page, https://developer.webex.com/docs/basics#pagination). */
  items: T[];
  /** The next page's URL as the server gave it (absolute or relative), or null on the last page. */
  next: string | null;
  /** The URL that answered; relative next links resolve against it. */
  url: string;
  /**
   * First page only: the origin the list was asked of, before any redirect. Next links are followed within it
   * alone: the transport sends the credential to every page it fetches, so a first page that moved to another
   * origin must not lead the list there (default: the origin of `url`).
   */
  origin?: string;
  /** The raw response, for headers. */
  response: ResponseHead;
  /** The vendor's request id, when the response carries one. */
  requestId?: string | undefined;
  /**
   * First page only: the later pages, when the first page tells how many there are (VSS's `meta.pages.pages`).
   * With `concurrency` > 1 they are fetched several at a time instead of link by link.
   */
  laterPages?: LaterPages;
}

/**
 * The later pages of a list whose first page told how many there are, generated one URL at a time: a server
 * saying `pages: 1e9` costs nothing until a page is fetched, and `maxPages` caps what is.
 */
export interface LaterPages {
  /** How many pages follow the first. */
  count: number;
  /** The URL of a later page: 0 is page 2. */
  url(index: number): string;
}

/** One page as a caller sees it. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** 1 for the first page. */
  number: number;
  /** The absolute URL of the next page, or null when this is the last. */
  nextUrl: string | null;
  /** The raw response, for headers. */
  response: ResponseHead;
  /** The vendor's request id (Webex `TrackingID`, `x-request-id`, …), when the response carries one. */
  requestId: string | undefined;
}

/** Limits of one list. */
export interface PagedListOptions {
  /** Most pages to fetch before failing with {@link PaginationError} (default 10 000). */
  maxPages?: number;
  /** Stop after this many items. */
  limit?: number;
  /** Pages fetched at once when the first page lists the later ones (default 1: link by link). */
  concurrency?: number;
  /** Redacts a next link an error quotes (the client's redactor; default: the link is not quoted). */
  redact?: (url: string) => string;
}

/** Fetches the first page, or the page at an absolute next URL. */
export type PageFetcher<T> = (nextUrl: string | null, signal?: AbortSignal) => Promise<PageResult<T>>;

const DEFAULT_MAX_PAGES = 10_000;

/** An async iterable of items across pages. Iterating again re-fetches from the first page. */
export class PagedList<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #options: PagedListOptions;

  constructor(fetchPage: PageFetcher<T>, options: PagedListOptions = {}) {
    this.#fetchPage = fetchPage;
    this.#options = options;
  }

  /** A list that stops after `count` items (fetching no page beyond the one that holds the last). */
  take(count: number): PagedList<T> {
    if (!isWholeNumber(count, 0)) throw new RangeError(`take() needs a whole number ≥ 0, got ${count}`);
    return new PagedList(this.#fetchPage, { ...this.#options, limit: Math.min(count, this.#options.limit ?? Infinity) });
  }

  /** A list that fetches up to `concurrency` pages at once when the first page says how many there are. */
  withConcurrency(concurrency: number): PagedList<T> {
    return new PagedList(this.#fetchPage, { ...this.#options, concurrency: wholeNumber('concurrency', concurrency, 1) });
  }

  /** Every page, in order; items beyond the limit are cut from the last page. */
  async *pages(signal?: AbortSignal): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.#options.maxPages ?? DEFAULT_MAX_PAGES;
    let remaining = this.#options.limit ?? Infinity;
    if (remaining <= 0) return;
    const seen = new Set<string>();
    let origin: string | undefined;
    let nextUrl: string | null = null;
    for (let number = 1; ; number++) {
      const page: PageResult<T> = await this.#fetchPage(nextUrl, signal);
      origin ??= page.origin ?? new URL(page.url).origin;
      seen.add(page.url);
      // A next link we refuse still leaves this page's items to hand over first: nothing fetched is lost.
      let refusal: PaginationError | undefined;
      try {
        nextUrl = page.next === null ? null : resolveNext(page.next, page.url, origin, seen, false, this.#options.redact);
      } catch (error) {
        if (!(error instanceof PaginationError)) throw error;
        refusal = error;
        nextUrl = null;
      }
      const items = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
      remaining -= items.length;
      yield { items, number, nextUrl, response: page.response, requestId: page.requestId };
      if (remaining <= 0) return;
      if (refusal) throw refusal;
      if (nextUrl === null) return;
      if (number === 1 && page.laterPages && (this.#options.concurrency ?? 1) > 1) {
        yield* this.#concurrentPages(page.laterPages, page.url, origin, remaining, signal);
        return;
      }
      if (number >= maxPages) {
        throw new PaginationError(`Stopped after ${maxPages} pages (maxPages); the list goes on at page ${number + 1}`);
      }
      seen.add(nextUrl);
    }
  }

  // Pages 2…n fetched `concurrency` at a time, yielded in order; at most `concurrency` pages wait in memory. Leaving
  // early (a break, `take`, the limit, an error) aborts the pages still in flight: nothing is left running.
  async *#concurrentPages(
    later: LaterPages,
    base: string,
    origin: string,
    remaining: number,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Page<T>, void, undefined> {
    const maxPages = this.#options.maxPages ?? DEFAULT_MAX_PAGES;
    // `maxPages` applies before anything is built for a page.
    const count = Math.min(later.count, Math.max(0, maxPages - 1));
    const seen = new Set<string>([base]);
    // Each later page's URL, built when it is launched or named as the next; forgotten once its page is yielded.
    const urls = new Map<number, string>();
    const urlFor = (index: number): string => {
      let url = urls.get(index);
      if (url === undefined) urls.set(index, (url = resolveNext(later.url(index), base, origin, seen, true, this.#options.redact)));
      return url;
    };
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const inFlight: Promise<PageResult<T>>[] = [];
    let launched = 0;
    const concurrency = this.#options.concurrency ?? 1;
    const fill = () => {
      while (launched < count && inFlight.length < concurrency) {
        const pending = this.#fetchPage(urlFor(launched++), stop.signal);
        // A page we stop waiting for (limit reached, an earlier page failed) must not become an unhandled rejection.
        pending.catch(() => {});
        inFlight.push(pending);
      }
    };
    try {
      fill();
      for (let index = 0; index < count; index++) {
        const page = await (inFlight.shift() as Promise<PageResult<T>>);
        fill();
        const items = page.items.length > remaining ? page.items.slice(0, remaining) : page.items;
        remaining -= items.length;
        const nextUrl = index + 1 < count ? urlFor(index + 1) : null;
        urls.delete(index);
        yield { items, number: index + 2, nextUrl, response: page.response, requestId: page.requestId };
        if (remaining <= 0) return;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      stop.abort(new PaginationError('The list was left; its outstanding page requests were aborted'));
    }
    if (later.count + 1 > maxPages) {
      throw new PaginationError(`Stopped after ${maxPages} pages (maxPages); the list goes on at page ${maxPages + 1}`);
    }
  }

  /** Every item, across pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Every item in one array. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages()) all.push(...page.items);
    return all;
  }
}

// A `%` not followed by two hex digits: the URL parser keeps it, but decoding the link (to repair it, to read a
// parameter) throws a URIError; the server sent something that is not a URL in the RFC 3986 sense.
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

function resolveNext(next: string, base: string, origin: string, seen: Set<string>, record = false, redact?: (url: string) => string): string {
  const quoted = () => (redact ? `: ${JSON.stringify(redact(next.slice(0, 200)))}` : '');
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    throw new PaginationError(`The server's next link is not a URL${quoted()}`);
  }
  if (MALFORMED_ESCAPE.test(next)) throw new PaginationError(`The server's next link has a malformed percent-escape${quoted()}`);
  // Following another origin would send our credentials there.
  if (url.origin !== origin) {
    throw new PaginationError(`Refusing a next link to another origin (${url.origin}); the list started at ${origin}`);
  }
  // Absolute next links are kept verbatim (Webex's valueless `&before&` parameters, https://developer.webex.com/docs/basics#pagination);
  // relative ones resolved.
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(next) ? next : url.href;
  if (seen.has(absolute)) throw new PaginationError('The server repeated a next link; stopping to avoid a loop');
  if (record) seen.add(absolute);
  return absolute;
}
