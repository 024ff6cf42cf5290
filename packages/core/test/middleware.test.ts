/**
 * Middleware: order, changing the request, answering in its place, seeing responses and typed errors, once per
 * attempt across retries and redirects, and what a middleware's own failure becomes.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  bindOperations,
  ConnectionError,
  createTransport,
  MiddlewareError,
  NotFoundError,
  TimeoutError,
  type Credential,
  type Middleware,
  type MiddlewareContext,
  type OperationTable,
} from '../src/internal.js';
import { fakeFetch, reply } from './support/fake-fetch.js';

const TOKEN = 'tok_middleware_abcdef123';
const credential: Credential = { in: 'header', name: 'authorization', value: `Bearer ${TOKEN}` };
const noWait = { sleep: async () => {}, random: () => 0 };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('middleware', () => {
  it('runs in registration order, the first outermost, options first and then use()', async () => {
    const order: string[] = [];
    const tag = (name: string): Middleware => async (request, next) => {
      order.push(`${name} in`);
      const response = await next(request);
      order.push(`${name} out`);
      return response;
    };
    const fake = fakeFetch(reply(200, {}));
    const transport = createTransport({ fetch: fake.fetch, middleware: [tag('a'), tag('b')] });
    transport.use(tag('c'));
    await transport.exchange({ method: 'GET', url: 'https://api.test/x' });
    expect(order).toEqual(['a in', 'b in', 'c in', 'c out', 'b out', 'a out']);
  });

  it('changes the outgoing request (headers, URL, body) and never sees the credential', async () => {
    const seen: { headers: Record<string, string>; context: MiddlewareContext }[] = [];
    const fake = fakeFetch(reply(200, {}));
    const transport = createTransport({
      fetch: fake.fetch,
      credential,
      userAgent: 'ua/1',
      middleware: [
        async (request, next, context) => {
          seen.push({ headers: { ...request.headers }, context });
          request.headers['x-trace-id'] = 'trace-1';
          return next({ ...request, url: `${request.url}?signed=1`, body: 'changed' });
        },
      ],
    });
    await transport.exchange({ method: 'POST', url: 'https://api.test/x', headers: { 'content-type': 'text/plain' }, body: 'original' }, { operation: 'things_create' });
    const [sent] = fake.sent;
    expect(sent?.url).toBe('https://api.test/x?signed=1');
    expect(sent?.headers.get('x-trace-id')).toBe('trace-1');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(text(sent!.body)).toBe('changed');
    expect(seen[0]?.headers).toEqual({ 'user-agent': 'ua/1', 'content-type': 'text/plain' });
    expect(seen[0]?.context).toMatchObject({ operationId: 'things_create', attempt: 1, retryReason: undefined, credential: 'authorization: Bearer [REDACTED]' });
    expect(inspect(seen)).not.toContain(TOKEN);
  });

  it('sends a request a middleware points at another origin without the credential', async () => {
    const fake = fakeFetch(reply(200, {}));
    const transport = createTransport({ fetch: fake.fetch, credential });
    transport.use(async (request, next) => next({ ...request, url: request.url.replace('api.test', 'mirror.test') }));
    await transport.exchange({ method: 'GET', url: 'https://api.test/x' });
    expect(fake.sent[0]?.url).toBe('https://mirror.test/x');
    expect(fake.sent[0]?.headers.get('authorization')).toBeNull();
  });

  it('answers in place of the server (no request is sent) and the call decodes that answer', async () => {
    const fake = fakeFetch(reply(500, {}));
    const table = {
      things_get: { resource: 'things', method: 'get', verb: 'get', path: '/things/{id}', params: [{ name: 'id', in: 'path', required: true }], responses: ['application/json'] },
    } as unknown as OperationTable;
    const transport = createTransport({ fetch: fake.fetch });
    transport.use(async (request) => Response.json({ cached: request.url }));
    const bound = bindOperations<never, OperationTable>('https://api.test', table, transport) as unknown as { things: { get(id: string): Promise<unknown> } };
    expect(await bound.things.get('7')).toEqual({ cached: 'https://api.test/things/7' });
    expect(fake.sent).toHaveLength(0);
  });

  it('runs once per attempt across retries, with the attempt number and why it is a retry', async () => {
    const contexts: MiddlewareContext[] = [];
    const statuses: number[] = [];
    const fake = fakeFetch(reply(503, {}), reply(429, {}, { 'retry-after': '0' }), reply(200, { ok: true }));
    const transport = createTransport({ fetch: fake.fetch, ...noWait, maxRetries: 3 });
    transport.use(async (request, next, context) => {
      contexts.push({ ...context });
      const response = await next(request);
      statuses.push(response.status);
      return response;
    });
    const answered = await transport.exchange({ method: 'GET', url: 'https://api.test/x' }, { operation: 'things_list' });
    expect(contexts.map((c) => [c.operationId, c.attempt, c.retryReason])).toEqual([
      ['things_list', 1, undefined],
      ['things_list', 2, '503'],
      ['things_list', 3, '429'],
    ]);
    expect(statuses).toEqual([503, 429, 200]);
    expect(JSON.parse(text(answered.bytes))).toEqual({ ok: true });
  });

  it('sees a redirect inside one attempt: one call, the final response and URL', async () => {
    const urls: string[] = [];
    const fake = fakeFetch(reply(302, undefined, { location: '/moved' }), reply(200, { moved: true }));
    const transport = createTransport({ fetch: fake.fetch });
    transport.use(async (request, next) => {
      const response = await next(request);
      urls.push(response.url);
      expect(await response.clone().json()).toEqual({ moved: true });
      return response;
    });
    const answered = await transport.exchange({ method: 'GET', url: 'https://api.test/x' });
    expect(fake.sent).toHaveLength(2);
    expect(urls).toEqual(['https://api.test/moved']);
    expect(answered.url).toBe('https://api.test/moved');
  });

  it('sees a failed attempt as our typed, redacted error, and the transport retries it when rethrown', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const fetch = async () => {
      if (++calls === 1) throw new TypeError('fetch failed', { cause: Object.assign(new Error(`reset by ${TOKEN}`), { code: 'ECONNRESET' }) });
      return new Response('{}', { status: 200 });
    };
    const transport = createTransport({ fetch, credential, ...noWait });
    transport.use(async (request, next) => {
      try {
        return await next(request);
      } catch (error) {
        errors.push(error);
        throw error;
      }
    });
    await transport.exchange({ method: 'GET', url: 'https://api.test/x' });
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ConnectionError);
    expect(inspect(errors[0], { depth: 5 })).not.toContain(TOKEN);
  });

  it('sees a timeout as a TimeoutError', async () => {
    const errors: unknown[] = [];
    const fetch = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const transport = createTransport({ fetch, timeoutMs: 20, maxRetries: 0 });
    transport.use((request, next) => next(request).catch((error) => (errors.push(error), Promise.reject(error))));
    await expect(transport.exchange({ method: 'GET', url: 'https://api.test/x' })).rejects.toBeInstanceOf(TimeoutError);
    expect(errors[0]).toBeInstanceOf(TimeoutError);
  });

  it('passes the HTTP error response to the middleware and lets the transport type it', async () => {
    const fake = fakeFetch(reply(404, { message: 'no such thing' }));
    const transport = createTransport({ fetch: fake.fetch });
    let status = 0;
    transport.use(async (request, next) => {
      const response = await next(request);
      status = response.status;
      return response;
    });
    await expect(transport.exchange({ method: 'GET', url: 'https://api.test/x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(status).toBe(404);
  });

  it("turns a middleware's own failure into a redacted MiddlewareError, not retried", async () => {
    const fake = fakeFetch(reply(200, {}));
    const transport = createTransport({ fetch: fake.fetch, credential, ...noWait });
    transport.use(async () => {
      throw new Error(`signing failed for Bearer ${TOKEN}`);
    });
    const error = await transport.exchange({ method: 'GET', url: 'https://api.test/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MiddlewareError);
    expect((error as MiddlewareError).message).toMatch(/^A middleware failed on GET https:\/\/api\.test\/x: signing failed/);
    expect(inspect(error, { depth: 5 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(fake.sent).toHaveLength(0);
  });

  it('throws an error of ours that a middleware raises as it is, without retrying', async () => {
    const fake = fakeFetch(reply(200, {}));
    const transport = createTransport({ fetch: fake.fetch, ...noWait });
    const own = new ConnectionError('offline by policy', { method: 'GET', url: 'https://api.test/x' });
    transport.use(async () => {
      throw own;
    });
    await expect(transport.exchange({ method: 'GET', url: 'https://api.test/x' })).rejects.toBe(own);
    expect(fake.sent).toHaveLength(0);
  });

  it('refuses an answer that is not a Response, or whose body the middleware consumed', async () => {
    const transport = createTransport({ fetch: fakeFetch(reply(200, { a: 1 })).fetch });
    transport.use((async () => ({ status: 200 })) as unknown as Middleware);
    await expect(transport.exchange({ method: 'GET', url: 'https://api.test/x' })).rejects.toThrow(/something other than a Response/);
    const consumed = createTransport({ fetch: fakeFetch(reply(200, { a: 1 })).fetch });
    consumed.use(async (request, next) => {
      const response = await next(request);
      await response.json();
      return response;
    });
    await expect(consumed.exchange({ method: 'GET', url: 'https://api.test/x' })).rejects.toThrow(/response\.clone\(\)/);
  });

  it('also wraps the fetch door (.raw), whose requests carry no operation id', async () => {
    const ids: (string | undefined)[] = [];
    const transport = createTransport({ fetch: fakeFetch(reply(200, {})).fetch });
    transport.use(async (request, next, { operationId }) => (ids.push(operationId), next(request)));
    await transport(new Request('https://api.test/x'));
    expect(ids).toEqual([undefined]);
  });
});
