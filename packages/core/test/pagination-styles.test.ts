/**
 * Page-number pagination (Statuspage), next-url lists that end on an empty page (VSS), later pages fetched
 * concurrently when the first page gives the page count, request-body envelopes and client-filled arguments.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bindOperations,
  ConfigurationError,
  createFetchClient,
  createTransport,
  type OperationTable,
} from '../src/internal.js';
import { fakeFetch, recordedSleep, reply, type Reply, type SentRequest } from './support/fake-fetch.js';

const BASE = 'https://api.example.test/v1';
interface Item {
  id: number;
}
interface Component {
  name: string;
  status?: 'operational' | '';
}
type Json<T> = { 200: { headers: { [name: string]: unknown }; content: { 'application/json': T } } };
interface operations {
  items_list: {
    parameters: { query?: { page?: number; per_page?: number }; header?: never; path: { page_id: string }; cookie?: never };
    requestBody?: never;
    responses: Json<Item[]>;
  };
  requests_list: {
    parameters: { query?: { page?: number }; header?: never; path?: never; cookie?: never };
    requestBody?: never;
    responses: Json<{ data: Item[]; meta?: { pages?: { next_url?: string | null; pages?: number } } }>;
  };
  components_create: {
    parameters: { query?: never; header?: never; path: { page_id: string }; cookie?: never };
    requestBody: { content: { 'application/json': { component: Component } } };
    responses: Json<Component>;
  };
}
interface paths {
  '/pages/{page_id}/items': { get: operations['items_list'] };
  '/request': { get: operations['requests_list'] };
  '/pages/{page_id}/components': { post: operations['components_create'] };
}
const pageId = { name: 'page_id', in: 'path', required: true } as const;
const table = {
  items_list: {
    resource: 'items',
    method: 'list',
    verb: 'get',
    path: '/pages/{page_id}/items',
    params: [
      pageId,
      { name: 'page', in: 'query', required: false },
      { name: 'per_page', in: 'query', required: false },
    ],
    requestBody: [],
    responses: ['application/json'],
    pagination: { style: 'page-number', pageParam: 'page', perPageParam: 'per_page', start: 1, defaultPerPage: 3 },
    idempotent: true,
    envelope: null,
  },
  requests_list: {
    resource: 'requests',
    method: 'list',
    verb: 'get',
    path: '/request',
    params: [{ name: 'page', in: 'query', required: false }],
    requestBody: [],
    responses: ['application/json'],
    pagination: { style: 'next-url', next: 'meta.pages.next_url', items: 'data', totalPages: 'meta.pages.pages', pageParam: 'page', endOnEmptyPage: true },
    idempotent: true,
    envelope: null,
  },
  components_create: {
    resource: 'components',
    method: 'create',
    verb: 'post',
    path: '/pages/{page_id}/components',
    params: [pageId],
    requestBody: ['application/json'],
    bodyFields: ['name', 'status'],
    responses: ['application/json'],
    pagination: null,
    idempotent: false,
    envelope: 'component',
  },
} as const satisfies OperationTable;

function client(serve: Reply) {
  const fake = fakeFetch(serve);
  const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep });
  const api = bindOperations<operations, typeof table, 'page_id'>(BASE, table, transport, {
    defaults: { page_id: 'pg1' },
  });
  return { api, sent: fake.sent, urls: () => fake.sent.map((s) => s.url) };
}
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));
const pageOf = (request: SentRequest) => Number(new URL(request.url).searchParams.get('page') ?? '1');

describe('page-number pagination', () => {
  it('asks page after page with the default page size until a short page, filling the client default', async () => {
    const { api, urls } = client((r) => reply(200, pageOf(r) < 3 ? ids(pageOf(r) * 10, 3) : ids(99, 1))(r));
    expect((await api.items.list().toArray()).map((i) => i.id)).toEqual([10, 11, 12, 20, 21, 22, 99]);
    expect(urls()).toEqual([
      `${BASE}/pages/pg1/items?per_page=3`,
      `${BASE}/pages/pg1/items?per_page=3&page=2`,
      `${BASE}/pages/pg1/items?per_page=3&page=3`,
    ]);
  });

  it('stops at an empty page when the page size is a multiple of the total', async () => {
    const { api, urls } = client((r) => reply(200, pageOf(r) === 1 ? ids(1, 3) : [])(r));
    expect(await api.items.list({ per_page: 3 }).toArray()).toHaveLength(3);
    expect(urls()).toHaveLength(2);
  });

  it('starts from the page the caller gives', async () => {
    const { api, urls } = client((r) => reply(200, ids(pageOf(r), 1))(r));
    await api.items.list({ page: 4, per_page: 5 }).toArray();
    expect(urls()).toEqual([`${BASE}/pages/pg1/items?page=4&per_page=5`]);
  });

  it('types the items from the bare-array response', () => {
    const { api } = client(reply(200, []));
    expectTypeOf(api.items.list).returns.toEqualTypeOf<import('../src/index.js').PagedList<Item>>();
  });
});

describe('next-url pagination that knows its page count', () => {
  const TOTAL = 6;
  const serve = (delays: Record<number, number> = {}) => async (r: SentRequest) => {
    const page = pageOf(r);
    await new Promise((done) => setTimeout(done, delays[page] ?? 1));
    const next = page < TOTAL ? `${BASE}/request?page=${page + 1}` : null;
    return reply(200, { data: ids(page * 100, 2), meta: { pages: { next_url: next, pages: TOTAL } } })(r);
  };

  it('serially follows next_url', async () => {
    const { api, urls } = client(serve());
    const all = await api.requests.list().toArray();
    expect(all.map((i) => i.id)).toEqual([100, 101, 200, 201, 300, 301, 400, 401, 500, 501, 600, 601]);
    expect(urls()).toHaveLength(TOTAL);
  });

  it('with concurrency fetches later pages at once and still yields items in order', async () => {
    // Page 2 is the slowest: order must not follow arrival.
    const { api, sent } = client(serve({ 2: 40, 3: 5 }));
    const all = await api.requests.list({}, { concurrency: 4 }).toArray();
    expect(all.map((i) => i.id)).toEqual([100, 101, 200, 201, 300, 301, 400, 401, 500, 501, 600, 601]);
    expect(sent.map(pageOf).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('with concurrency and take(n) stops launching pages once n items are had', async () => {
    const { api, sent } = client(serve());
    const some = await api.requests.list({}, { concurrency: 2 }).take(5).toArray();
    expect(some).toHaveLength(5);
    expect(sent.length).toBeLessThanOrEqual(5);
  });

  it('an empty page ends the list even when it links on, and a missing meta ends it too', async () => {
    const empty = client((r) => reply(200, pageOf(r) === 1 ? { data: ids(1, 2), meta: { pages: { next_url: `${BASE}/request?page=2` } } } : { data: [], meta: { pages: { next_url: `${BASE}/request?page=3` } } })(r));
    expect(await empty.api.requests.list().toArray()).toHaveLength(2);
    expect(empty.urls()).toHaveLength(2);
    const noMeta = client(reply(200, { data: ids(1, 2) }));
    expect(await noMeta.api.requests.list().toArray()).toHaveLength(2);
    expect(noMeta.urls()).toHaveLength(1);
  });

  it('refuses a bad concurrency before any request', () => {
    const { api, urls } = client(serve());
    expect(() => api.requests.list({}, { concurrency: 0 })).toThrow(ConfigurationError);
    expect(urls()).toEqual([]);
  });
});

describe('request-body envelopes', () => {
  it('wraps the attributes the caller passes in the operation’s envelope', async () => {
    const { api, sent } = client(reply(200, { name: 'API', status: 'operational' }));
    const created = await api.components.create({ name: 'API', status: '' });
    expect(created.name).toBe('API');
    expect(JSON.parse(new TextDecoder().decode(sent[0]?.body))).toEqual({ component: { name: 'API', status: '' } });
    expect(sent[0]?.url).toBe(`${BASE}/pages/pg1/components`);
    // @ts-expect-error: the envelope is the client's business, not the caller's
    void api.components.create({ component: { name: 'x' } }).catch(() => {});
  });
});
