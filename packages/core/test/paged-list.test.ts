/**
 * Pagination end to end: bindOperations + createFetchClient + createTransport over an injected fetch that serves
 * pages, for both `link` (RFC 8288, Webex) and `next-url` (a next URL in the body) styles. Plus PagedList alone.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bindOperations,
  createFetchClient,
  createTransport,
  NotFoundError,
  PagedList,
  PaginationError,
  InvalidResponseError,
  ApiClientError,
  RequestAbortedError,
  type OperationTable,
  type PageFetcher,
  type TransportOptions,
} from '../src/internal.js';
import { fakeFetch, recordedSleep, rejectionOf, reply, type Reply, type SentRequest } from './support/fake-fetch.js';

const BASE = 'https://webexapis.com/v1';
const WEBEX_NEXT = 'https://webexapis.com/v1/people?displayName=Harold&max=10&before&after=Y2lz';

// ── A typed spec, as openapi-typescript would write it ───────────────────────────────────────────────────────
interface Person {
  id: string;
  displayName: string;
}
interface Thing {
  id: number;
}
type NoParams = { header?: never; path?: never; cookie?: never };
interface operations {
  people_list: {
    parameters: NoParams & { query?: { displayName?: string; max?: number } };
    requestBody?: never;
    responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { items: Person[] } } } };
  };
  things_list: {
    parameters: NoParams & { query?: { per_page?: number } };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': { data: Thing[]; meta: { next?: string | null } } } };
    };
  };
}
interface paths {
  '/people': { get: operations['people_list'] };
  '/things': { get: operations['things_list'] };
}
const table = {
  people_list: {
    resource: 'people',
    method: 'list',
    verb: 'get',
    path: '/people',
    params: [
      { name: 'displayName', in: 'query', required: false },
      { name: 'max', in: 'query', required: false },
    ],
    requestBody: [],
    responses: ['application/json'],
    pagination: { style: 'link', items: 'items' },
    idempotent: true,
  },
  things_list: {
    resource: 'things',
    method: 'list',
    verb: 'get',
    path: '/things',
    params: [{ name: 'per_page', in: 'query', required: false }],
    requestBody: [],
    responses: ['application/json'],
    pagination: { style: 'next-url', next: 'meta.next', items: 'data' },
    idempotent: true,
  },
} as const satisfies OperationTable;

// ── Serving pages ────────────────────────────────────────────────────────────────────────────────────────────
const person = (n: number): Person => ({ id: `p${n}`, displayName: `Person ${n}` });
const people = (...ns: number[]) => ({ items: ns.map(person) });

/** Answers by exact URL; anything else is a 404 the test will notice. */
function routes(map: Record<string, Reply>): Reply {
  return (request: SentRequest) => {
    const route = map[request.url];
    return route ? route(request) : new Response(`no route for ${request.url}`, { status: 404 });
  };
}
/** A JSON page with a Link header pointing at `next`. */
const linkPage = (body: unknown, next?: string) => reply(200, body, next === undefined ? {} : { link: `<${next}>; rel="next"` });

function client(serve: Reply, options: TransportOptions = {}, maxPages?: number) {
  const fake = fakeFetch(serve);
  const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep, ...options });
  const api = bindOperations<operations, typeof table>(
    BASE,
    table,
    transport,
    maxPages === undefined ? {} : { maxPages },
  );
  return { api, sent: fake.sent, urls: () => fake.sent.map((s) => s.url) };
}

const P1 = `${BASE}/people?max=2`;
const P2 = `${BASE}/people?max=2&cursor=b`;
const P3 = `${BASE}/people?max=2&cursor=c`;
/** Five people over three pages: 2 + 2 + 1. */
const threePages = () =>
  routes({ [P1]: linkPage(people(1, 2), P2), [P2]: linkPage(people(3, 4), P3), [P3]: linkPage(people(5)) });

describe('link pagination (Webex)', () => {
  it('the list is typed by the operation’s item type', () => {
    const { api } = client(threePages());
    expectTypeOf(api.people.list({ max: 2 })).toEqualTypeOf<PagedList<Person>>();
    expectTypeOf(api.things.list()).toEqualTypeOf<PagedList<Thing>>();
  });

  it('follows next links across several pages, in order', async () => {
    const { api, urls } = client(threePages());
    const all = await api.people.list({ max: 2 }).toArray();
    expect(all.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(urls()).toEqual([P1, P2, P3]);
  });

  it('yields items with for await', async () => {
    const { api } = client(threePages());
    const ids: string[] = [];
    for await (const p of api.people.list({ max: 2 })) ids.push(p.id);
    expect(ids).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('an empty page in the middle does not end the list', async () => {
    const { api, urls } = client(
      routes({ [P1]: linkPage(people(1), P2), [P2]: linkPage({ items: [] }, P3), [P3]: linkPage(people(2, 3)) }),
    );
    expect((await api.people.list({ max: 2 }).toArray()).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(urls()).toEqual([P1, P2, P3]);
  });

  it('a relative next link is resolved against the page that gave it', async () => {
    const { api, urls } = client(
      routes({ [P1]: linkPage(people(1), '/v1/people?max=2&cursor=b'), [P2]: linkPage(people(2), 'people?max=2&cursor=c'), [P3]: linkPage(people(3)) }),
    );
    const pages = [];
    for await (const page of api.people.list({ max: 2 }).pages()) pages.push(page.nextUrl);
    expect(pages).toEqual([P2, P3, null]);
    expect(urls()).toEqual([P1, P2, P3]);
  });

  it.each([
    ['another host', 'https://evil.example.test/v1/people?cursor=b'],
    ['another scheme', 'http://webexapis.com/v1/people?cursor=b'],
    ['another port', 'https://webexapis.com:8443/v1/people?cursor=b'],
    ['a protocol-relative link elsewhere', '//evil.example.test/v1/people'],
  ])('a next link to %s is refused with a PaginationError, and never fetched', async (_what, next) => {
    const { api, urls } = client(routes({ [P1]: linkPage(people(1, 2), next) }));
    const error = await rejectionOf(api.people.list({ max: 2 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('another origin');
    expect(urls()).toEqual([P1]);
  });

  it('a first page that moved to another origin (redirect) does not lead the list there: its items, then a PaginationError', async () => {
    const MOVED = 'https://mirror.other.test/people?max=2';
    const { api, sent, urls } = client(
      routes({ [P1]: reply(302, undefined, { location: MOVED }), [MOVED]: linkPage(people(1, 2), 'https://mirror.other.test/people?cursor=b') }),
      { credential: { in: 'header', name: 'authorization', value: 'Bearer tok_paged_123456' } },
    );
    const seen: string[] = [];
    const error = await rejectionOf((async () => {
      for await (const p of api.people.list({ max: 2 })) seen.push(p.id);
    })());
    expect(seen).toEqual(['p1', 'p2']);
    expect(error).toBeInstanceOf(PaginationError);
    expect(urls()).toEqual([P1, MOVED]);
    expect(sent[1]?.headers.get('authorization')).toBeNull();
  });

  it('a next link back to an earlier page is refused with a PaginationError', async () => {
    const { api, urls } = client(routes({ [P1]: linkPage(people(1), P2), [P2]: linkPage(people(2), P1) }));
    const error = await rejectionOf(api.people.list({ max: 2 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('repeated');
    expect(urls()).toEqual([P1, P2]);
  });

  it('the items of a page whose next link is refused are still handed over before the error', async () => {
    const { api } = client(routes({ [P1]: linkPage(people(1), P2), [P2]: linkPage(people(2, 3), 'https://evil.example.test/x') }));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const person of api.people.list({ max: 2 })) seen.push(person.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['p1', 'p2', 'p3']);
    expect(error).toBeInstanceOf(PaginationError);
  });

  it('a 2xx body that is not JSON is an InvalidResponseError naming the operation, first page and later', async () => {
    const notJson = () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'application/json' } });
    const first = await rejectionOf(client(notJson).api.people.list({ max: 2 }).toArray());
    expect(first).toBeInstanceOf(InvalidResponseError);
    expect(first).toBeInstanceOf(ApiClientError);
    expect((first as InvalidResponseError).status).toBe(200);
    expect((first as Error).message).toContain('GET /people');
    const later = await rejectionOf(client(routes({ [P1]: linkPage(people(1), P2), [P2]: notJson })).api.people.list({ max: 2 }).toArray());
    expect(later).toBeInstanceOf(InvalidResponseError);
    expect((later as Error).message).not.toContain('cursor');
  });

  it('a page linking to itself is refused with a PaginationError', async () => {
    const { api, urls } = client(routes({ [P1]: linkPage(people(1), P2), [P2]: linkPage(people(2), P2) }));
    await expect(api.people.list({ max: 2 }).toArray()).rejects.toBeInstanceOf(PaginationError);
    expect(urls()).toEqual([P1, P2]);
  });

  it('stops with a PaginationError after maxPages pages', async () => {
    // An endless list: every page links to the next cursor.
    const endless: Reply = (request) => {
      const cursor = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
      return linkPage(people(cursor), `${BASE}/people?max=2&cursor=${cursor + 1}`)(request);
    };
    const { api, sent } = client(endless, {}, 3);
    const error = await rejectionOf(api.people.list({ max: 2 }).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('maxPages');
    expect(sent).toHaveLength(3);
  });

  it('exactly maxPages pages is fine', async () => {
    const { api, sent } = client(threePages(), {}, 3);
    expect(await api.people.list({ max: 2 }).toArray()).toHaveLength(5);
    expect(sent).toHaveLength(3);
  });

  it.each([
    [0, 0, []],
    [1, 1, ['p1']],
    [2, 1, ['p1', 'p2']],
    [3, 2, ['p1', 'p2', 'p3']],
    [5, 3, ['p1', 'p2', 'p3', 'p4', 'p5']],
    [50, 3, ['p1', 'p2', 'p3', 'p4', 'p5']],
  ])('take(%d) fetches %d page(s) and no more', async (n, fetches, ids) => {
    const { api, sent } = client(threePages());
    const list = api.people.list({ max: 2 }).take(n);
    expect((await list.toArray()).map((p) => p.id)).toEqual(ids);
    expect(sent).toHaveLength(fetches);
    const iterated: string[] = [];
    for await (const p of list) iterated.push(p.id);
    expect(iterated).toEqual(ids);
    expect(sent).toHaveLength(2 * fetches);
  });

  it('breaking out of for await stops fetching', async () => {
    const { api, sent } = client(threePages());
    for await (const p of api.people.list({ max: 2 })) {
      if (p.id === 'p2') break;
    }
    expect(sent).toHaveLength(1);
  });

  it('iterating twice fetches again from the first page', async () => {
    const { api, urls } = client(threePages());
    const list = api.people.list({ max: 2 });
    const first = await list.toArray();
    const second: Person[] = [];
    for await (const p of list) second.push(p);
    expect(second).toEqual(first);
    expect(urls()).toEqual([P1, P2, P3, P1, P2, P3]);
  });

  it('pages() gives numbers, absolute next URLs, items and the raw response', async () => {
    const { api } = client(threePages());
    const pages = [];
    for await (const page of api.people.list({ max: 2 }).pages()) {
      pages.push({ number: page.number, nextUrl: page.nextUrl, ids: page.items.map((p) => p.id), link: page.response.headers.get('link') });
    }
    expect(pages).toEqual([
      { number: 1, nextUrl: P2, ids: ['p1', 'p2'], link: `<${P2}>; rel="next"` },
      { number: 2, nextUrl: P3, ids: ['p3', 'p4'], link: `<${P3}>; rel="next"` },
      { number: 3, nextUrl: null, ids: ['p5'], link: null },
    ]);
  });

  it('take() cuts the last page’s items in pages() too', async () => {
    const { api } = client(threePages());
    const counts = [];
    for await (const page of api.people.list({ max: 2 }).take(3).pages()) counts.push(page.items.length);
    expect(counts).toEqual([2, 1]);
  });

  it('a next URL with valueless parameters is requested verbatim', async () => {
    const first = `${BASE}/people?displayName=Harold&max=10`;
    const { api, urls } = client(routes({ [first]: linkPage(people(1), WEBEX_NEXT), [WEBEX_NEXT]: linkPage(people(2)) }));
    expect(await api.people.list({ displayName: 'Harold', max: 10 }).toArray()).toHaveLength(2);
    expect(urls()).toEqual([first, WEBEX_NEXT]);
  });

  it('…and a query credential is appended without re-serialising it', async () => {
    const token = 'vsTok_0123456789abcdef';
    const first = `${BASE}/people?displayName=Harold&max=10&token=${token}`;
    const second = `${WEBEX_NEXT}&token=${token}`;
    const { api, urls } = client(routes({ [first]: linkPage(people(1), WEBEX_NEXT), [second]: linkPage(people(2)) }), {
      credential: { in: 'query', name: 'token', value: token },
    });
    expect(await api.people.list({ displayName: 'Harold', max: 10 }).toArray()).toHaveLength(2);
    expect(urls()).toEqual([first, second]);
  });

  it('next pages go through the transport: header credential, retries, typed errors', async () => {
    let p2Attempts = 0;
    const { api, sent } = client(
      routes({
        [P1]: linkPage(people(1), P2),
        [P2]: (request) => (++p2Attempts === 1 ? reply(503)(request) : linkPage(people(2), P3)(request)),
        [P3]: reply(404, { message: 'cursor expired' }),
      }),
      { credential: { in: 'header', name: 'authorization', value: 'Bearer hdrTok_123456' } },
    );
    const error = await rejectionOf(api.people.list({ max: 2 }).toArray());
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('cursor expired');
    expect(sent.map((s) => s.url)).toEqual([P1, P2, P2, P3]);
    expect(sent.every((s) => s.headers.get('authorization') === 'Bearer hdrTok_123456')).toBe(true);
    expect(sent.slice(1).every((s) => s.headers.get('accept') === 'application/json')).toBe(true);
  });

  it('a per-call credential and headers apply to every page', async () => {
    const { api, sent } = client(threePages());
    await api.people.list({ max: 2 }, { headers: { 'x-trace': 't1' } }).toArray();
    expect(sent.map((s) => s.headers.get('x-trace'))).toEqual(['t1', 't1', 't1']);
  });

  it('aborting through pages(signal) stops the walk with a RequestAbortedError', async () => {
    const controller = new AbortController();
    const { api, sent } = client(threePages());
    const error = await rejectionOf(
      (async () => {
        for await (const page of api.people.list({ max: 2 }).pages(controller.signal)) {
          if (page.number === 1) controller.abort('enough');
        }
      })(),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(sent).toHaveLength(1);
  });

  it('a call option signal aborts the walk too', async () => {
    const controller = new AbortController();
    const { api, sent } = client(threePages());
    const list = api.people.list({ max: 2 }, { signal: controller.signal });
    const ids: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const p of list) {
          ids.push(p.id);
          controller.abort('enough');
        }
      })(),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(ids).toEqual(['p1', 'p2']);
    expect(sent).toHaveLength(1);
  });
});

describe('next-url pagination (a next URL in the body)', () => {
  const T1 = `${BASE}/things?per_page=2`;
  const T2 = `${BASE}/things?per_page=2&page=2`;
  const T3 = `${BASE}/things?per_page=2&page=3`;
  const thingsPage = (ids: number[], next: string | null | undefined) =>
    reply(200, { data: ids.map((id) => ({ id })), meta: next === undefined ? {} : { next } });

  it('follows meta.next across pages and reads items from data', async () => {
    const { api, urls } = client(routes({ [T1]: thingsPage([1, 2], T2), [T2]: thingsPage([3, 4], T3), [T3]: thingsPage([5], null) }));
    expect(await api.things.list({ per_page: 2 }).toArray()).toEqual([1, 2, 3, 4, 5].map((id) => ({ id })));
    expect(urls()).toEqual([T1, T2, T3]);
  });

  it.each([
    ['null', null],
    ['an empty string', ''],
    ['missing', undefined],
  ])('ends when meta.next is %s', async (_what, next) => {
    const { api, sent } = client(routes({ [T1]: thingsPage([1], next) }));
    expect(await api.things.list({ per_page: 2 }).toArray()).toEqual([{ id: 1 }]);
    expect(sent).toHaveLength(1);
  });

  it('an empty middle page continues; a relative next is resolved', async () => {
    const { api, urls } = client(
      routes({ [T1]: thingsPage([1], '/v1/things?per_page=2&page=2'), [T2]: thingsPage([], T3), [T3]: thingsPage([2], null) }),
    );
    expect(await api.things.list({ per_page: 2 }).toArray()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(urls()).toEqual([T1, T2, T3]);
  });

  it('a page without the items path counts as empty', async () => {
    const { api } = client(routes({ [T1]: reply(200, { meta: { next: T2 } }), [T2]: thingsPage([9], null) }));
    expect(await api.things.list({ per_page: 2 }).toArray()).toEqual([{ id: 9 }]);
  });

  it('cross-origin and repeating next URLs are refused', async () => {
    const cross = client(routes({ [T1]: thingsPage([1], 'https://elsewhere.example.test/things?page=2') }));
    await expect(cross.api.things.list({ per_page: 2 }).toArray()).rejects.toBeInstanceOf(PaginationError);
    expect(cross.sent).toHaveLength(1);
    const loop = client(routes({ [T1]: thingsPage([1], T2), [T2]: thingsPage([2], T1) }));
    await expect(loop.api.things.list({ per_page: 2 }).toArray()).rejects.toBeInstanceOf(PaginationError);
    expect(loop.sent).toHaveLength(2);
  });

  it('take(n) stops fetching once n items are had', async () => {
    const { api, sent } = client(routes({ [T1]: thingsPage([1, 2], T2), [T2]: thingsPage([3, 4], T3), [T3]: thingsPage([5], null) }));
    expect(await api.things.list({ per_page: 2 }).take(3).toArray()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(sent).toHaveLength(2);
  });
});

describe('PagedList on its own', () => {
  /** A fetcher over in-memory pages at https://h.test/<n>. */
  function memoryFetcher(pages: string[][]): { fetchPage: PageFetcher<string>; calls: (string | null)[] } {
    const calls: (string | null)[] = [];
    const fetchPage: PageFetcher<string> = async (nextUrl) => {
      calls.push(nextUrl);
      const n = nextUrl === null ? 0 : Number(new URL(nextUrl).pathname.slice(1));
      return {
        items: pages[n] ?? [],
        next: n + 1 < pages.length ? `/${n + 1}` : null,
        url: `https://h.test/${n}`,
        response: new Response(null),
      };
    };
    return { fetchPage, calls };
  }

  it('asks for the first page with null, then for absolute next URLs', async () => {
    const { fetchPage, calls } = memoryFetcher([['a'], ['b'], ['c']]);
    expect(await new PagedList(fetchPage).toArray()).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([null, 'https://h.test/1', 'https://h.test/2']);
  });

  it('take() validates its count', () => {
    const list = new PagedList(memoryFetcher([['a']]).fetchPage);
    expect(() => list.take(-1)).toThrow(RangeError);
    expect(() => list.take(1.5)).toThrow(RangeError);
    expect(() => list.take(Number.NaN)).toThrow(RangeError);
  });

  it('take() of take() keeps the smaller limit', async () => {
    const { fetchPage } = memoryFetcher([['a', 'b'], ['c', 'd'], ['e']]);
    expect(await new PagedList(fetchPage).take(4).take(2).toArray()).toEqual(['a', 'b']);
    expect(await new PagedList(fetchPage).take(2).take(4).toArray()).toEqual(['a', 'b']);
  });

  it('take() returns a new list and leaves the original whole', async () => {
    const { fetchPage } = memoryFetcher([['a', 'b'], ['c']]);
    const list = new PagedList(fetchPage);
    expect(await list.take(1).toArray()).toEqual(['a']);
    expect(await list.toArray()).toEqual(['a', 'b', 'c']);
  });

  it('a next link that is not a URL is a PaginationError', async () => {
    const fetchPage: PageFetcher<string> = async () => ({ items: ['a'], next: 'http://[oops', url: 'https://h.test/0', response: new Response(null) });
    const error = await rejectionOf(new PagedList(fetchPage).toArray());
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('not a URL');
  });

  it('passes the pages() signal to the fetcher', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const fetchPage: PageFetcher<string> = async (_next, signal) => {
      signals.push(signal);
      return { items: [], next: null, url: 'https://h.test/0', response: new Response(null) };
    };
    const controller = new AbortController();
    for await (const _ of new PagedList(fetchPage).pages(controller.signal)) void _;
    expect(signals).toEqual([controller.signal]);
  });
});
