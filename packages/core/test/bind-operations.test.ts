/**
 * bindOperations: a generated operation table → `api.<resource>.<method>(args, options)` over openapi-fetch and the
 * transport. The table and the openapi-typescript types are written inline, as the generator would write them.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  APIPromise,
  bindOperations,
  ConfigurationError,
  createFetchClient,
  createTransport,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  REDACTED,
  Redactor,
  RequestAbortedError,
  resolveOperation,
  TimeoutError,
  type CallOptions,
  type OperationTable,
  type TransportOptions,
} from '../src/internal.js';
import { fakeFetch, hang, recordedSleep, rejectionOf, reply, text, type Reply } from './support/fake-fetch.js';

const BASE = 'https://api.example.test/v2';

// ── The spec's types ─────────────────────────────────────────────────────────────────────────────────────────
interface Room {
  id: string;
  title: string;
}
interface Status {
  ok: boolean;
}
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type None = { query?: never; header?: never; path?: never; cookie?: never };
interface operations {
  rooms_get: {
    parameters: { query?: never; header?: never; path: { roomId: string }; cookie?: never };
    requestBody?: never;
    responses: { 200: Json<Room>; 404: Json<{ message: string }> };
  };
  items_search: {
    parameters: {
      query?: { per_page?: number; sort_order?: 'asc' | 'desc' };
      header?: never;
      path: { org_id: string };
      cookie?: never;
    };
    requestBody?: never;
    responses: { 200: Json<{ items: string[] }> };
  };
  status_company: {
    parameters: { query?: { format?: 'json' | 'csv' }; header?: never; path: { company: string }; cookie?: never };
    requestBody?: never;
    responses: {
      200: { headers: { [name: string]: unknown }; content: { 'application/json': Status; 'text/csv': string } };
    };
  };
  things_create: {
    parameters: None;
    requestBody: { content: { 'application/json': { name: string } } };
    responses: { 201: Json<{ id: string }> };
  };
  things_replay: {
    parameters: None;
    requestBody: { content: { 'application/json': { name: string } } };
    responses: { 200: Json<{ id: string }> };
  };
  things_rename: {
    parameters: { query?: { name?: string }; header?: never; path: { id: string }; cookie?: never };
    requestBody: { content: { 'application/json': { name: string } } };
    responses: { 200: Json<{ id: string }> };
  };
  things_delete: {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    requestBody?: never;
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
}
interface paths {
  '/rooms/{roomId}': { get: operations['rooms_get'] };
  '/orgs/{org_id}/items': { get: operations['items_search'] };
  '/status/{company}': { get: operations['status_company'] };
  '/things': { post: operations['things_create'] };
  '/things/replay': { post: operations['things_replay'] };
  '/things/{id}': { delete: operations['things_delete']; put: operations['things_rename'] };
}

const get = { verb: 'get', requestBody: [], pagination: null, idempotent: true } as const;
const table = {
  rooms_get: {
    ...get,
    resource: 'rooms',
    method: 'get',
    path: '/rooms/{roomId}',
    params: [{ name: 'roomId', in: 'path', required: true }],
    responses: ['application/json'],
  },
  items_search: {
    ...get,
    resource: 'items',
    method: 'search',
    path: '/orgs/{org_id}/items',
    params: [
      { name: 'org_id', in: 'path', required: true },
      { name: 'per_page', in: 'query', required: false },
      { name: 'sort_order', in: 'query', required: false },
    ],
    responses: ['application/json'],
  },
  status_company: {
    ...get,
    resource: 'status',
    method: 'company',
    path: '/status/{company}',
    params: [
      { name: 'company', in: 'path', required: true },
      { name: 'format', in: 'query', required: false },
    ],
    responses: ['application/json', 'text/csv'],
  },
  things_create: {
    resource: 'things',
    method: 'create',
    verb: 'post',
    path: '/things',
    params: [],
    requestBody: ['application/json'],
    bodyFields: ['name'],
    bodyRequired: ['name'],
    responses: ['application/json'],
    pagination: null,
    idempotent: false,
  },
  things_replay: {
    resource: 'things',
    method: 'replay',
    verb: 'post',
    path: '/things/replay',
    params: [],
    requestBody: ['application/json'],
    bodyFields: ['name'],
    bodyRequired: ['name'],
    responses: ['application/json'],
    pagination: null,
    idempotent: true,
  },
  things_rename: {
    resource: 'things',
    method: 'rename',
    verb: 'put',
    path: '/things/{id}',
    params: [{ name: 'id', in: 'path', required: true }, { name: 'name', in: 'query', required: false }],
    requestBody: ['application/json'],
    bodyParam: 'thing',
    responses: ['application/json'],
    pagination: null,
    idempotent: true,
  },
  things_delete: {
    resource: 'things',
    method: 'delete',
    verb: 'delete',
    path: '/things/{id}',
    params: [{ name: 'id', in: 'path', required: true }],
    requestBody: [],
    responses: [],
    pagination: null,
    idempotent: true,
  },
} as const satisfies OperationTable;

function setup(replies: Reply[] = [reply(200, { id: 'r1', title: 'Room' })], options: TransportOptions = {}) {
  const fake = fakeFetch(...replies);
  const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep, ...options });
  const api = bindOperations<operations, typeof table>(BASE, table, transport);
  return { api, sent: fake.sent };
}

describe('shape and types', () => {
  it('binds every operation as resource.method', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(['items', 'rooms', 'status', 'things']);
    expect(Object.keys(api.things).sort()).toEqual(['create', 'delete', 'rename', 'replay']);
    expect(typeof api.rooms.get).toBe('function');
  });

  it('takes path parameters first, then one flat object of query and body fields, and resolves to the response type', () => {
    const { api } = setup();
    expectTypeOf(api.items.search).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(api.items.search).parameter(1).toEqualTypeOf<{ per_page?: number; sort_order?: 'asc' | 'desc' } | undefined>();
    expectTypeOf(api.rooms.get).parameters.toEqualTypeOf<[string, (CallOptions | undefined)?]>();
    expectTypeOf(api.rooms.get).returns.toEqualTypeOf<APIPromise<Room>>();
    expectTypeOf(api.status.company).returns.toEqualTypeOf<APIPromise<Status | string>>();
    expectTypeOf(api.things.delete).returns.toEqualTypeOf<APIPromise<void>>();
    expectTypeOf(api.things.create).parameter(0).toEqualTypeOf<{ name: string }>();
  });

  it('refuses misuse at compile time', () => {
    const { api } = setup([reply(200, {}), reply(200, {}), reply(200, {}), reply(200, {})]);
    // @ts-expect-error: a number where the spec says the id is a string
    void api.rooms.get(42).catch(() => {});
    // @ts-expect-error: the old argument object
    void api.rooms.get({ roomId: 'r1' }).catch(() => {});
    // @ts-expect-error: the body wrapper is gone
    void api.things.create({ body: { name: 'x' } }).catch(() => {});
    // @ts-expect-error: a required body field is missing
    void api.things.create({}).catch(() => {});
    // @ts-expect-error: a misspelt key
    void api.items.search('o', { per_pag: 5 }).catch(() => {});
  });
});

describe('arguments → the wire', () => {
  it('sends each flat key as the query parameter of that name', async () => {
    const { api, sent } = setup([reply(200, { items: ['a'] })]);
    expect(await api.items.search('org-1', { per_page: 50, sort_order: 'desc' })).toEqual({ items: ['a'] });
    expect(sent[0]?.url).toBe(`${BASE}/orgs/org-1/items?per_page=50&sort_order=desc`);
    expect(sent[0]?.method).toBe('GET');
  });

  it('leaves out optional arguments that are not given', async () => {
    const { api, sent } = setup([reply(200, { items: [] })]);
    await api.items.search('org-1');
    expect(sent[0]?.url).toBe(`${BASE}/orgs/org-1/items`);
  });

  it('substitutes and percent-encodes path parameters', async () => {
    const { api, sent } = setup();
    await api.rooms.get('a b/c?d#e%f');
    expect(sent[0]?.url).toBe(`${BASE}/rooms/a%20b%2Fc%3Fd%23e%25f`);
    expect(new URL(sent[0]?.url ?? '').pathname).toBe('/v2/rooms/a%20b%2Fc%3Fd%23e%25f');
  });

  it('adds extraParams to the query', async () => {
    const { api, sent } = setup([reply(200, { items: [] })]);
    await api.items.search('o', { per_page: 5 }, { extraParams: { beta: true, since: '2024-01-01', limit: 3 } });
    const url = new URL(sent[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({ per_page: '5', beta: 'true', since: '2024-01-01', limit: '3' });
  });

  it('sends the call’s headers', async () => {
    const { api, sent } = setup();
    await api.rooms.get('r1', { headers: { 'x-trace': 'abc' } });
    expect(sent[0]?.headers.get('x-trace')).toBe('abc');
  });

  it('sends the flat object’s body fields as the JSON body', async () => {
    const { api, sent } = setup([reply(201, { id: 't1' })]);
    expect(await api.things.create({ name: 'Zoë' })).toEqual({ id: 't1' });
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(text(sent[0]?.body ?? new Uint8Array()))).toEqual({ name: 'Zoë' });
  });
});

describe('a body kept apart from a clashing parameter (x-apiclients-body-param)', () => {
  it('sends the query parameter and the body of the same name each where it belongs', async () => {
    const { api, sent } = setup([reply(200, { id: 't1' })]);
    expectTypeOf(api.things.rename).parameter(1).toEqualTypeOf<{ name?: string; thing: { name: string } }>();
    await api.things.rename('t1', { name: 'old', thing: { name: 'new' } });
    expect(sent[0]?.url).toBe(`${BASE}/things/t1?name=old`);
    expect(JSON.parse(text(sent[0]?.body ?? new Uint8Array()))).toEqual({ name: 'new' });
  });
});

describe('bad arguments: ConfigurationError before any request', () => {
  it('an unknown key in the flat object', async () => {
    const { api, sent } = setup([reply(200, { items: [] })]);
    // @ts-expect-error: `perPage` is not a key of items.search (the API spells it per_page)
    const error = await rejectionOf(api.items.search('o', { perPage: 5 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe('items.search: unknown argument "perPage" (it takes "per_page", "sort_order")');
    expect(sent).toHaveLength(0);
  });

  it('an unknown body field', async () => {
    const { api, sent } = setup();
    // @ts-expect-error: `title` is not a field of things.create
    const error = await rejectionOf(api.things.create({ name: 'x', title: 'typo' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('unknown argument "title"');
    expect(sent).toHaveLength(0);
  });

  it('a missing required body field', async () => {
    const { api, sent } = setup();
    // @ts-expect-error: name is required
    const error = await rejectionOf(api.things.create({}));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe('things.create: missing required argument "name"');
    expect(sent).toHaveLength(0);
  });

  it('a missing path parameter names it and the signature', async () => {
    const { api, sent } = setup();
    // @ts-expect-error: roomId is required
    const error = await rejectionOf(api.rooms.get());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe('rooms.get: missing required argument "roomId" (roomId, options?)');
    expect(sent).toHaveLength(0);
  });

  it('the old argument object is refused with where the value now goes', async () => {
    const { api, sent } = setup();
    // @ts-expect-error: the argument-object convention
    const error = await rejectionOf(api.rooms.get({ roomId: 'r1' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('pass it first: rooms.get(roomId, options?)');
    expect(sent).toHaveLength(0);
  });

  it('too many arguments', async () => {
    const { api, sent } = setup();
    // @ts-expect-error: rooms.get takes no flat object
    const error = await rejectionOf(api.rooms.get('r1', {}, {}));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('takes at most 2 arguments');
    expect(sent).toHaveLength(0);
  });

  it('a flat object or options that are not objects', async () => {
    const { api, sent } = setup();
    await expect(api.items.search('o', 'x' as never)).rejects.toBeInstanceOf(ConfigurationError);
    await expect(api.rooms.get('r1', 5 as never)).rejects.toBeInstanceOf(ConfigurationError);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['an empty string', ''],
    ['an object', { id: 'x' }],
    ['null', null],
  ])('a path parameter that is %s', async (_what, value) => {
    const { api, sent } = setup();
    const error = await rejectionOf(api.rooms.get(value as string));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('"roomId" must be a non-empty string');
    expect(sent).toHaveLength(0);
  });

  it('a value JSON cannot show (BigInt, a cycle) is still a ConfigurationError naming the argument', async () => {
    const { api, sent } = setup();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [42n, cycle]) {
      const error = await rejectionOf(api.rooms.get(value as unknown as string));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain('"roomId" must be a non-empty string');
    }
    expect(sent).toHaveLength(0);
  });

  it('is reported as a rejection, never thrown synchronously from a promise-returning call', () => {
    const { api } = setup();
    let promise: Promise<unknown> | undefined;
    // @ts-expect-error: the old argument object
    expect(() => (promise = api.rooms.get({ nope: 1 }))).not.toThrow();
    expect(promise).toBeInstanceOf(Promise);
    return expect(promise).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe('credentials', () => {
  const ROOT = 'rootTok_0000111122223333';
  const COMPANY = 'companyTok_444455556666';

  it('the transport’s query credential is added', async () => {
    const { api, sent } = setup([reply(200, { ok: true })], { credential: { in: 'query', name: 'token', value: ROOT } });
    await api.status.company('acme');
    expect(sent[0]?.url).toBe(`${BASE}/status/acme?token=${ROOT}`);
  });

  it('a per-call credential overrides the transport’s query credential', async () => {
    const { api, sent } = setup([reply(200, { ok: true })], { credential: { in: 'query', name: 'token', value: ROOT } });
    await api.status.company('acme', { format: 'json' }, { credential: { in: 'query', name: 'token', value: COMPANY } });
    expect(sent[0]?.url).toBe(`${BASE}/status/acme?format=json&token=${COMPANY}`);
    expect(sent[0]?.url).not.toContain(ROOT);
  });

  it('a per-call header credential replaces a query one entirely', async () => {
    const { api, sent } = setup([reply(200, { ok: true })], { credential: { in: 'query', name: 'token', value: ROOT } });
    await api.status.company('acme', {}, { credential: { in: 'header', name: 'x-company-token', value: COMPANY } });
    expect(sent[0]?.url).toBe(`${BASE}/status/acme`);
    expect(sent[0]?.headers.get('x-company-token')).toBe(COMPANY);
  });

  it('the override lasts for that call only', async () => {
    const { api, sent } = setup([reply(200, { ok: true })], { credential: { in: 'query', name: 'token', value: ROOT } });
    await api.status.company('acme', {}, { credential: { in: 'query', name: 'token', value: COMPANY } });
    await api.status.company('acme');
    expect(sent.map((s) => new URL(s.url).searchParams.get('token'))).toEqual([COMPANY, ROOT]);
  });
});

describe('responses by media type', () => {
  it('a text/csv response is returned as the exact string', async () => {
    const csv = 'company,org,folder,mode\r\nacme,acme-org,"calls, inbound",active\r\n';
    const { api, sent } = setup([reply(200, csv, { 'content-type': 'text/csv; charset=utf-8' })]);
    const result = await api.status.company('acme', { format: 'csv' });
    expect(result).toBe(csv);
    expect(sent[0]?.url).toBe(`${BASE}/status/acme?format=csv`);
  });

  it('a JSON response of the same operation is parsed', async () => {
    const { api } = setup([reply(200, '{"ok":true}', { 'content-type': 'application/json; charset=utf-8' })]);
    expect(await api.status.company('acme', { format: 'json' })).toEqual({ ok: true });
  });

  it('parseAs reads the body as asked: bytes exactly as served, text, or JSON whatever its label', async () => {
    const csv = 'name,city\r\nJos\u00e9,S\u00e3o Paulo\r\n';
    const { api } = setup([reply(200, csv, { 'content-type': 'text/csv' }), reply(200, '{"ok":true}', { 'content-type': 'application/json' }), reply(200, '{"ok":false}', { 'content-type': 'text/plain' })]);
    const bytes = (await api.status.company('acme', { format: 'csv' }, { parseAs: 'bytes' })) as unknown;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).equals(Buffer.from(csv, 'utf8'))).toBe(true);
    expect(await api.status.company('acme', {}, { parseAs: 'text' })).toBe('{"ok":true}');
    expect(await api.status.company('acme', {}, { parseAs: 'json' })).toEqual({ ok: false });
  });

  it('refuses a parseAs it does not know, naming the forms, before any request', async () => {
    const { api, sent } = setup([reply(200, '{}')]);
    const error = await rejectionOf(api.status.company('acme', {}, { parseAs: 'blob' as never }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`status.company: parseAs must be 'json', 'text', 'bytes', got "blob"`);
    expect(sent).toEqual([]);
  });

  it('a CSV body that looks like JSON is still returned as text', async () => {
    const { api } = setup([reply(200, '[1,2]', { 'content-type': 'text/csv' })]);
    expect(await api.status.company('acme', { format: 'csv' })).toBe('[1,2]');
  });

  it('an empty body where the operation promises one is an InvalidResponseError (not a silent undefined)', async () => {
    for (const call of [(api: ReturnType<typeof setup>['api']) => api.status.company('acme'), (api: ReturnType<typeof setup>['api']) => api.rooms.get('r1')]) {
      const error = await rejectionOf(call(setup([reply(200, '', { 'content-type': 'application/json' })]).api));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).message).toContain('is empty');
      expect((error as InvalidResponseError).body).toBe('');
    }
  });

  it('a DELETE answered with an empty 200 resolves to undefined', async () => {
    const { api } = setup([reply(200, '')]);
    expect(await api.things.delete('t1')).toBeUndefined();
  });

  it('a body that is not JSON is an InvalidResponseError carrying the raw text, redacted', async () => {
    const page = '<html><body>Proxy error for Bearer tok_invalid_123456</body></html>';
    const fake = fakeFetch(reply(200, page, { 'content-type': 'text/html' }));
    const transport = createTransport({ fetch: fake.fetch });
    const api = bindOperations<operations, typeof table>(BASE, table, transport, { redactor: new Redactor(['tok_invalid_123456']) });
    const error = await rejectionOf(api.rooms.get('r1'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).body).toBe(page.replace('tok_invalid_123456', REDACTED));
  });

  it('a media type the operation does not answer in (an HTML page for JSON or CSV) is an InvalidResponseError', async () => {
    const { api } = setup([reply(200, '<html>Bad Gateway</html>', { 'content-type': 'text/html' })]);
    const error = await rejectionOf(api.status.company('acme', { format: 'csv' }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toContain('text/html');
    expect((error as InvalidResponseError).body).toBe('<html>Bad Gateway</html>');
  });

  it('a JSON-only operation parses JSON', async () => {
    const { api } = setup([reply(200, { id: 'r1', title: 'Room' })]);
    expect(await api.rooms.get('r1')).toEqual({ id: 'r1', title: 'Room' });
  });

  it('a 204 resolves to undefined', async () => {
    const { api, sent } = setup([() => new Response(null, { status: 204 })]);
    expect(await api.things.delete('t1')).toBeUndefined();
    expect(sent[0]?.method).toBe('DELETE');
  });
});

describe('policy from the table, errors from the transport', () => {
  it('a non-idempotent POST is not retried on 503', async () => {
    const { api, sent } = setup([reply(503), reply(201, { id: 't1' })]);
    await expect(api.things.create({ name: 'x' })).rejects.toBeInstanceOf(InternalServerError);
    expect(sent).toHaveLength(1);
  });

  it('a POST the table marks idempotent is retried on 503', async () => {
    const { api, sent } = setup([reply(503), reply(200, { id: 't1' })]);
    expect(await api.things.replay({ name: 'x' })).toEqual({ id: 't1' });
    expect(sent).toHaveLength(2);
    expect(text(sent[1]?.body ?? new Uint8Array())).toBe('{"name":"x"}');
  });

  it('an error response rejects with its typed error', async () => {
    const { api } = setup([reply(404, { message: 'Room not found' })]);
    const error = await rejectionOf(api.rooms.get('nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe(`404 Room not found: GET ${BASE}/rooms/nope`);
  });

  it('the call’s signal aborts it', async () => {
    const { api, sent } = setup([hang()]);
    const controller = new AbortController();
    const pending = api.rooms.get('r1', { signal: controller.signal });
    setTimeout(() => controller.abort('cancel'), 5);
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
    expect(sent).toHaveLength(1);
  });
});

describe('per-call limits: timeoutMs and maxRetries', () => {
  it('a call’s maxRetries replaces the client’s: 0 sends once, 3 sends four times', async () => {
    const once = setup([reply(503), reply(200, { id: 'r1', title: 'Room' })]);
    await expect(once.api.rooms.get('r1', { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(once.sent).toHaveLength(1);
    const four = setup([reply(503), reply(503), reply(503), reply(200, { id: 'r1', title: 'Room' })], { maxRetries: 0 });
    expect(await four.api.rooms.get('r1', { maxRetries: 3 })).toEqual({ id: 'r1', title: 'Room' });
    expect(four.sent).toHaveLength(4);
  });

  it('a call’s timeoutMs replaces the client’s', async () => {
    const { api } = setup([hang()], { timeoutMs: 60_000, maxRetries: 0 });
    const started = Date.now();
    const error = await rejectionOf(api.rooms.get('r1', { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('30 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a call’s timeoutMs of 0 sets none where the client has one', async () => {
    const slow: Reply = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return reply(200, { id: 'r1', title: 'Room' })(request);
    };
    const { api } = setup([slow], { timeoutMs: 20, maxRetries: 0 });
    expect(await api.rooms.get('r1', { timeoutMs: 0 })).toEqual({ id: 'r1', title: 'Room' });
  });

  it.each([
    ['timeoutMs', -1],
    ['timeoutMs', Number.NaN],
    ['maxRetries', Infinity],
    ['maxRetries', '2'],
  ])('a bad %s (%s) is a ConfigurationError naming the call, before any request', async (key, value) => {
    const { api, sent } = setup();
    const error = await rejectionOf(api.rooms.get('r1', { [key]: value } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`rooms.get: ${key} must be a finite number`);
    expect(sent).toHaveLength(0);
  });
});

describe('paginated operations validate at call time', () => {
  const listTable = {
    people_list: {
      resource: 'people',
      method: 'list',
      verb: 'get',
      path: '/people',
      params: [{ name: 'max', in: 'query', required: false, type: 'integer' }],
      requestBody: [],
      responses: ['application/json'],
      pagination: { style: 'link', items: 'items' },
      idempotent: true,
    },
  } as const satisfies OperationTable;
  interface listOps {
    people_list: {
      parameters: { query?: { max?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<{ items: Room[] }> };
    };
  }

  it('an unknown argument throws when the list is created, before any fetch', () => {
    const fake = fakeFetch(reply(200, { items: [] }));
    const transport = createTransport({ fetch: fake.fetch });
    const api = bindOperations<listOps, typeof listTable>(BASE, listTable, transport);
    // @ts-expect-error: unknown argument
    expect(() => api.people.list({ maximum: 5 })).toThrow(ConfigurationError);
    // @ts-expect-error: max is a number
    expect(() => api.people.list({ max: 'five' })).toThrow(/"max" must be an integer/);
    expect(fake.sent).toHaveLength(0);
  });
});

describe('resolveOperation: the defaults a generated table leaves out', () => {
  it('fills place, requiredness, type, body fields, media types, pagination and idempotency', () => {
    const resolved = resolveOperation({
      resource: 'rooms',
      method: 'update',
      verb: 'put',
      path: '/rooms/{roomId}',
      params: [{ name: 'roomId', in: 'path' }, { name: 'per_page', type: 'integer' }],
    });
    expect(resolved.params).toEqual([
      { name: 'roomId', in: 'path', required: true, type: 'string' },
      { name: 'per_page', in: 'query', required: false, type: 'integer' },
    ]);
    expect(resolved).toMatchObject({ requestBody: [], bodyFields: [], bodyRequired: [], bodyOpen: false, responses: ['application/json'], pagination: null, idempotent: true });
    expect(resolveOperation({ resource: 'a', method: 'b', verb: 'post', path: '/a' }).idempotent).toBe(false);
    expect(resolveOperation({ resource: 'a', method: 'b', verb: 'post', path: '/a', idempotent: true }).idempotent).toBe(true);
  });
});
