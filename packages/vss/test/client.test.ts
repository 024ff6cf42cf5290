import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidResponseError, RequestAbortedError, TimeoutError } from '@apiclients/core';
import { AuthenticationError, ConfigurationError, PaginationError, VssClient, type RequestTypes } from '../src/index.js';
import { startFakeVss, TOKEN, USER, type FakeVss } from './fake-vss.js';

let fake: FakeVss | undefined;
afterEach(() => fake?.close());
const start = async (options = {}) => {
  fake = await startFakeVss(options);
  return new VssClient({ token: TOKEN, baseUrl: `${fake.url}/v2` });
};

describe('VssClient configuration', () => {
  it('needs a token, before any request', () => {
    const saved = process.env.VSS_API_TOKEN;
    delete process.env.VSS_API_TOKEN;
    let calls = 0;
    try {
      expect(() => new VssClient({ fetch: async () => (calls++, new Response('{}')) })).toThrow(ConfigurationError);
    } finally {
      if (saved !== undefined) process.env.VSS_API_TOKEN = saved;
    }
    expect(calls).toBe(0);
  });

  it('logs in with HTTP Basic on the API host and gets a token; a wrong password is a redacted 401', async () => {
    fake = await startFakeVss();
    expect(await VssClient.login({ ...USER, baseUrl: `${fake.url}/v2` })).toBe(TOKEN);
    const error = await VssClient.login({ username: USER.username, password: 'wrong-password-1', baseUrl: `${fake.url}/v2` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error)).not.toContain('wrong-password-1');
    expect((error as Error).message).toContain('Invalid credentials');
  });

  it('login: a body that is not JSON is an InvalidResponseError (not a SyntaxError), and a signal aborts it', async () => {
    const html = async () => new Response('<html>Login page</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const error = await VssClient.login({ ...USER, fetch: html }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).body).toBe('<html>Login page</html>');
    let calls = 0;
    const aborted = await VssClient.login({ ...USER, signal: AbortSignal.abort(), fetch: async () => (calls++, new Response('{}')) }).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(RequestAbortedError);
    expect(calls).toBe(0);
  });

  it('login: an answer without a token is an InvalidResponseError showing the answer, not a ConfigurationError', async () => {
    const answer = async () => new Response('{"message":"ok"}', { status: 200, headers: { 'content-type': 'application/json' } });
    const error = await VssClient.login({ ...USER, fetch: answer }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as InvalidResponseError).body).toBe('{"message":"ok"}');
    expect(JSON.stringify(error)).not.toContain(USER.password);
  });

  it('reads the token from VSS_API_TOKEN', async () => {
    fake = await startFakeVss();
    process.env.VSS_API_TOKEN = TOKEN;
    try {
      const summary = await new VssClient({ baseUrl: `${fake.url}/v2` }).requests.summary();
      expect(summary.data).toMatchObject({ change: 250 });
    } finally {
      delete process.env.VSS_API_TOKEN;
    }
  });
});

describe('requests.list', () => {
  it('walks every page in order, URLs without expand', async () => {
    const vss = await start();
    const urls = await vss.requests.list('change', { per_page: 100 }).toArray();
    expect(urls).toHaveLength(250);
    expect(urls[0]).toBe(`${fake?.url}/v2/request/change/1`);
    expect(urls[249]).toBe(`${fake?.url}/v2/request/change/250`);
    expect(fake?.queries.map((q) => q.get('page'))).toEqual([null, '2', '3']);
  });

  it('with expand yields typed objects, all pages in order', async () => {
    const vss = await start();
    const list = vss.requests.list('change', { expand: true, per_page: 25 });
    expectTypeOf(list).toEqualTypeOf<import('@apiclients/core').PagedList<RequestTypes['change']>>();
    const ids = (await list.toArray()).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(fake?.queries.every((q) => q.get('expand') === '1')).toBe(true);
  });

  it('with concurrency fetches pages several at a time and still yields them in order', async () => {
    const vss = await start({ holdUntilInFlight: 8 });
    const ids = (await vss.requests.list('change', { expand: true, per_page: 10 }, { concurrency: 8 }).toArray()).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(fake?.maxInFlight).toBe(8);
    expect(fake?.queries).toHaveLength(25);
  });

  it('sends typed filters and sorts exactly as the API expects', async () => {
    const vss = await start();
    await vss.requests
      .list('change', {
        filter: [['status', 'eq', 'ERROR'], ['created_on', 'gt', '2016-07-10'], ['id', 'in', [1, 2, 3]]],
        sort: [['created_on', 'desc'], ['id', 'asc']],
      })
      .take(1)
      .toArray();
    const query = fake?.queries[0];
    expect(query?.get('filter')).toBe('status,eq,ERROR;created_on,gt,2016-07-10;id,in,1,2,3');
    expect(query?.get('sort')).toBe('created_on,desc;id,asc');
    await vss.requests.list('change', { filter: 'status,eq,ERROR', sort: ['created_on', 'desc'] }).take(1).toArray();
    expect(fake?.queries[1]?.get('filter')).toBe('status,eq,ERROR');
    expect(fake?.queries[1]?.get('sort')).toBe('created_on,desc');
  });

  it('refuses a bad operator, direction or page size with a clear error, before any request', async () => {
    const vss = await start();
    // @ts-expect-error: 'equals' is not an operator
    expect(() => vss.requests.list('change', { filter: [['status', 'equals', 'ERROR']] })).toThrow(/unknown operator "equals"/);
    // @ts-expect-error: a direction is asc or desc
    expect(() => vss.requests.list('change', { sort: ['created_on', 'down'] })).toThrow(ConfigurationError);
    expect(() => vss.requests.list('change', { filter: [['vm_name', 'eq', 'a;b']] })).toThrow(/cannot contain/);
    expect(() => vss.requests.list('change', { per_page: 101 })).toThrow(ConfigurationError);
    // A plain-JS caller's unknown request type or bad id is named before any request.
    expect(() => vss.requests.list('bogus' as 'change')).toThrow(/"type" must be one of/);
    await expect(vss.requests.get('change', 'x' as unknown as number)).rejects.toThrow(/"id" must be an integer/);
    expect(fake?.queries).toEqual([]);
  });

  it('refuses a next_url on another host', async () => {
    const vss = await start();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const url of vss.requests.list('change', { per_page: 10 })) seen.push(url);
    })().catch((e: unknown) => e);
    expect(error).toBeUndefined();
    fake?.close();
    const foreign = await start({ foreignNext: true });
    const failure = await foreign.requests.list('change', { per_page: 10 }).toArray().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PaginationError);
    expect(fake?.queries).toHaveLength(2);
  });

  it('a missing meta ends the listing instead of looping', async () => {
    const vss = await start({ noMeta: true });
    expect(await vss.requests.list('change', { per_page: 10 }).toArray()).toHaveLength(10);
    expect(fake?.queries).toHaveLength(1);
  });
});

describe('requests.get and summary', () => {
  it('gets one typed request', async () => {
    const vss = await start();
    const request = await vss.requests.get('change', 42);
    expectTypeOf(request).toEqualTypeOf<RequestTypes['change']>();
    expect(request).toMatchObject({ id: 42, vm_name: 'vm-42' });
  });

  it('get and summary take the per-call timeoutMs and maxRetries', async () => {
    let calls = 0;
    const failing = new VssClient({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9/v2',
      maxRetryDelayMs: 1,
      fetch: async () => {
        calls++;
        return new Response('{"status":503,"error":"unavailable","message":"busy"}', { status: 503, headers: { 'retry-after-ms': '1' } });
      },
    });
    await expect(failing.requests.get('change', 1, { maxRetries: 0 })).rejects.toThrow(/busy/);
    expect(calls).toBe(1);
    await expect(failing.requests.summary({ maxRetries: 1 })).rejects.toThrow(/busy/);
    expect(calls).toBe(3);
    const hanging = new VssClient({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9/v2',
      maxRetries: 0,
      fetch: (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await expect(hanging.requests.get('change', 1, { timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('maps the body { error, message } onto the core errors', async () => {
    const vss = await start();
    const error = await vss.requests.get('change', 9999).catch((e: unknown) => e);
    expect((error as Error).name).toBe('NotFoundError');
    expect((error as Error).message).toContain('Request 9999 not found');
  });
});
