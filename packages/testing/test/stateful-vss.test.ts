// The VSS stateful mock with our client and with plain fetch: a login, a request that moves on to PROCESSED while
// the client waits for it, lists paged by next_url with expand, filter and sort, and VSS's own error bodies.
import { AuthenticationError, NotFoundError, VssClient } from '@apiclients/vss';
import { afterEach, describe, expect, it } from 'vitest';
import { VSS_MOCK_TOKEN, VSS_MOCK_USER, type VssSeed } from '../src/stateful/profiles/vss.js';
import { startStatefulMock } from '../src/stateful/start-stateful-mock.js';
import type { StatefulMockServer } from '../src/stateful/stateful-server.js';

let server: StatefulMockServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const getJson = async (path: string, token = VSS_MOCK_TOKEN) => {
  const response = await fetch(`${server!.url}${path}`, { headers: bearer(token) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** Twelve change requests, ids 1 to 12, every third one failed, the others processed; created_on one day apart. */
const TWELVE: VssSeed = {
  requests: Array.from({ length: 12 }, (_, i) => ({
    type: 'change' as const,
    status: i % 3 === 2 ? ('ERROR' as const) : ('PROCESSED' as const),
    created_on: `2016-07-${String(i + 1).padStart(2, '0')} 10:00:00 EDT`,
    vm_name: `web${String(i + 1).padStart(2, '0')}`,
  })),
};

describe('VSS stateful mock', () => {
  it('logs in with Basic credentials, then VssClient waits for a request that moves on to PROCESSED', async () => {
    server = await startStatefulMock('vss', { progress: { stepMs: 50 }, seed: { requests: [{ type: 'change', vm_name: 'web01' }] } });
    const token = await VssClient.login({ ...VSS_MOCK_USER, baseUrl: server.url });
    const vss = new VssClient({ token, baseUrl: server.url, maxRetries: 0 });
    const reset = Date.now();
    server.reset(); // the request starts its course now; the token issued before the reset is gone
    await expect(vss.requests.get('change', 1)).rejects.toBeInstanceOf(AuthenticationError);
    const token2 = await VssClient.login({ ...VSS_MOCK_USER, baseUrl: server.url });
    const again = new VssClient({ token: token2, baseUrl: server.url, maxRetries: 0 });

    const done = await again.requests.waitFor('change', 1, { intervalMs: 10, maxIntervalMs: 20, timeoutMs: 5_000 });
    expect([done.id, done.status, done.vm_name]).toEqual([1, 'PROCESSED', 'web01']);
    // PENDING, then IN_PROGRESS after 50 ms, PROCESSED after 100 ms: the wait cannot have ended sooner.
    expect(Date.now() - reset).toBeGreaterThanOrEqual(100);
    const asked = server.requests.filter((r) => r.operationId === 'requests_get');
    expect(asked.map((r) => r.status)).toContain(200);
    expect(asked.every((r) => !r.headers.authorization?.includes(token2))).toBe(true); // the log is redacted
  });

  it('plain fetch sees the status change with the clock, and updated_on with it', async () => {
    let now = Date.parse('2024-01-15T15:00:00Z');
    server = await startStatefulMock('vss', {
      now: () => new Date(now),
      progress: [
        { status: 'PENDING', afterMs: 0 },
        { status: 'IN_PROGRESS', afterMs: 1_000 },
        { status: 'PROCESSED', afterMs: 61_000 },
      ],
      seed: { requests: [{ type: 'new' }] },
    });
    const seen = async () => (await getJson('/request/new/1')).body.data as Record<string, unknown>;
    expect(await seen()).toMatchObject({ id: 1, status: 'PENDING', created_on: '2024-01-15 10:00:00 EST', updated_on: '2024-01-15 10:00:00 EST' });
    now += 1_500;
    expect(await seen()).toMatchObject({ status: 'IN_PROGRESS', updated_on: '2024-01-15 10:00:01 EST' });
    now += 60_000;
    expect(await seen()).toMatchObject({ status: 'PROCESSED', updated_on: '2024-01-15 10:01:01 EST' });
    const { body } = await getJson('/request/new?filter=status,eq,PROCESSED&expand=1');
    expect(body.data.map((r: { id: number }) => r.id)).toEqual([1]);
  });

  it('writes a request with its keys in alphabetical order, status among them, as VSS does', async () => {
    server = await startStatefulMock('vss');
    for (const id of [1, 3]) {
      const keys = Object.keys((await getJson(`/request/change/${id}`)).body.data as object);
      expect(keys).toContain('status');
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('counts each type in the summary, with links to each list', async () => {
    server = await startStatefulMock('vss');
    const { status, body } = await getJson('/request');
    expect(status).toBe(200);
    expect(body.data).toEqual({ change: 3, export: 0, folder: 0, inventory: 0, new: 1, snapshot: 1 });
    expect(body._links.change).toBe(`${server.url}/request/change`);
    expect(body.meta).toEqual({ count: 6, time: expect.stringMatching(/^\d+\.\d+s$/), user: VSS_MOCK_USER.username });
  });

  it('pages by per_page with meta.pages.next_url, as URLs or expanded; VssClient follows next_url to the end', async () => {
    server = await startStatefulMock('vss', { seed: TWELVE });
    const first = await getJson('/request/change?per_page=5');
    expect(first.body.data).toEqual([1, 2, 3, 4, 5].map((id) => `${server!.url}/request/change/${id}`));
    expect(first.body.meta).toMatchObject({
      _link: { self: `${server.url}/request/change?per_page=5` },
      count: 5,
      pages: { first_url: `${server.url}/request/change?per_page=5&page=1`, next_url: `${server.url}/request/change?per_page=5&page=2`, prev_url: null, page: 1, pages: 3, per_page: 5, total: 12 },
    });
    const last = await getJson(new URL(first.body.meta.pages.last_url).pathname + new URL(first.body.meta.pages.last_url).search);
    expect(last.body.data).toHaveLength(2);
    expect(last.body.meta.pages.next_url).toBeNull();

    const vss = new VssClient({ token: VSS_MOCK_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const all = await vss.requests.list('change', { expand: true, per_page: 5 }).toArray();
    expect(all.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const pages = server.requests.filter((r) => r.operationId === 'requests_list').map((r) => new URL(r.url, server!.url).searchParams.get('page') ?? '1');
    expect(pages.slice(-3).sort()).toEqual(['1', '2', '3']);
  });

  it('filters (clauses joined with ;) and sorts as VSS does, echoing both in meta', async () => {
    server = await startStatefulMock('vss', { seed: TWELVE });
    const vss = new VssClient({ token: VSS_MOCK_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const failed = await vss.requests.list('change', { expand: true, filter: [['status', 'eq', 'ERROR'], ['created_on', 'gt', '2016-07-04']], sort: ['created_on', 'desc'] }).toArray();
    expect(failed.map((r) => r.id)).toEqual([12, 9, 6]);
    const { body } = await getJson('/request/change?filter=vm_name,like,web1%25;id,in,10,12&sort=id,desc');
    expect(body.data).toEqual([`${server.url}/request/change/12`, `${server.url}/request/change/10`]);
    expect(body.meta.filter).toBe('vm_name,like,web1%;id,in,10,12');
    expect(body.meta.sort).toBe('id,desc');
    expect(body.meta.pages.first_url).toBe(`${server.url}/request/change?filter=vm_name%2Clike%2Cweb1%25%3Bid%2Cin%2C10%2C12&sort=id%2Cdesc&per_page=10&page=1`);
  });

  it('answers VSS’s own error bodies: 404, 401 without a valid token or password, 400 for per_page above 100', async () => {
    server = await startStatefulMock('vss');
    expect(await getJson('/request/change/99')).toEqual({ status: 404, body: { status: 404, error: 'not found', message: 'Request not found' } });
    expect((await getJson('/request/vmdk/1')).status).toBe(404);
    expect(await getJson('/request', 'not-a-token')).toEqual({ status: 401, body: { status: 401, error: 'unauthorized', message: 'Invalid or expired token' } });
    const wrong = await fetch(`${server.url}/auth/request-token`, { method: 'POST', headers: { authorization: `Basic ${btoa('jdoe:wrong')}` } });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([401, 'unauthorized']);
    const tooMany = await getJson('/request/change?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ status: 400, error: 'bad request', message: expect.stringContaining('per_page') });

    const vss = new VssClient({ token: VSS_MOCK_TOKEN, baseUrl: server.url, maxRetries: 0 });
    await expect(vss.requests.get('change', 99)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('fails on demand in VSS’s error shape, with Retry-After, and VssClient retries past it', async () => {
    server = await startStatefulMock('vss', { faults: { retryAfterSeconds: 0 } });
    server.failNext(429);
    const limited = await fetch(`${server.url}/request`, { headers: bearer(VSS_MOCK_TOKEN) });
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([429, '0', { status: 429, error: 'too many requests', message: 'Rate limit exceeded, try again later' }]);
    server.failNext(503, 2);
    const vss = new VssClient({ token: VSS_MOCK_TOKEN, baseUrl: server.url, maxRetries: 2 });
    expect((await vss.requests.get('change', 1)).status).toBe('PROCESSED');
    expect(server.requests.slice(-3).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('shows each user only their own requests, whichever way they got their token', async () => {
    server = await startStatefulMock('vss', {
      seed: { users: [VSS_MOCK_USER, { username: 'asmith', password: 'p@ss wörd:1' }], tokens: { a: 'jdoe', b: 'asmith' }, requests: [{ type: 'folder', owner: 'asmith', status: 'PROCESSED' }] },
    });
    expect((await getJson('/request/folder/1', 'b')).body.data).toMatchObject({ id: 1, user: { username: 'asmith' }, user_id: 2, moref: 'group-v1001' });
    expect((await getJson('/request/folder/1', 'a')).status).toBe(404);
    expect((await getJson('/request', 'a')).body.data.folder).toBe(0);
    // A password in UTF-8, holding a colon, as RFC 7617 allows.
    const token = await VssClient.login({ username: 'asmith', password: 'p@ss wörd:1', baseUrl: server.url });
    expect((await getJson('/request/folder/1', token)).status).toBe(200);
  });
});
