/**
 * Nothing a server sends takes memory without bound: a body larger than `maxResponseBytes` (endless, inflating,
 * or declared) is stopped while it is read with a typed error, never retried; a list whose first page announces a
 * billion pages builds nothing beyond `maxPages`; an error's `toJSON` is bounded in depth and size.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ConfigurationError,
  createTransport,
  PagedList,
  PaginationError,
  ResponseTooLargeError,
  type PageResult,
} from '../src/internal.js';
import { fakeFetch, rejectionOf } from './support/fake-fetch.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

const KB = 1024;
const MB = KB * KB;
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('maxResponseBytes', () => {
  it('stops an endless chunked body at the limit, with no timeout set, and does not retry', async () => {
    let chunksSent = 0;
    server = await startLocalServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * KB, 'x');
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) chunksSent++;
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
    const transport = createTransport({ timeoutMs: 0, maxResponseBytes: 2 * MB });
    const error = await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/endless` }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: 2 * MB, method: 'GET' });
    expect(server.requests).toBe(1);
    // The read stopped near the limit (socket buffers let some more through, not the endless rest).
    expect(chunksSent * 64 * KB).toBeLessThan(64 * MB);
  });

  it('counts the inflated bytes of a gzip bomb, not the compressed ones', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MB)); // about 64 kB on the wire
    expect(bomb.length).toBeLessThan(MB);
    server = await startLocalServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      response.end(bomb);
    });
    const error = await rejectionOf(createTransport({ maxResponseBytes: 4 * MB }).exchange({ method: 'GET', url: `${server.url}/bomb` }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('refuses a declared Content-Length over the limit before reading; an error status too', async () => {
    const fake = fakeFetch(() => new Response('x'.repeat(10 * KB), { status: 503, headers: { 'content-length': String(10 * KB) } }));
    const error = await rejectionOf(createTransport({ fetch: fake.fetch, maxResponseBytes: KB }).exchange({ method: 'GET', url: 'https://api.test/a' }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 503 });
    expect(fake.sent).toHaveLength(1);
  });

  it('reads a body at the limit whole; a request may set its own limit, and it wins', async () => {
    const body = 'y'.repeat(KB);
    const fake = fakeFetch(() => new Response(body));
    const transport = createTransport({ fetch: fake.fetch, maxResponseBytes: KB });
    expect((await transport.exchange({ method: 'GET', url: 'https://api.test/a' })).bytes.length).toBe(KB);
    expect(await rejectionOf(transport.exchange({ method: 'GET', url: 'https://api.test/a', maxResponseBytes: KB - 1 }))).toBeInstanceOf(ResponseTooLargeError);
    const roomy = createTransport({ fetch: fake.fetch, maxResponseBytes: 1 });
    expect((await roomy.exchange({ method: 'GET', url: 'https://api.test/a', maxResponseBytes: Infinity })).bytes.length).toBe(KB);
  });

  it('defaults to 32 MiB', async () => {
    const fake = fakeFetch(() => new Response(new Uint8Array(32 * MB + 1)));
    const error = await rejectionOf(createTransport({ fetch: fake.fetch }).exchange({ method: 'GET', url: 'https://api.test/a' }));
    expect(error).toMatchObject({ maxResponseBytes: 32 * MB });
  });

  it('is checked as an option', async () => {
    const { transportOptionsFrom, Redactor } = await import('../src/internal.js');
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => transportOptionsFrom({ maxResponseBytes: bad }, { credential: { in: 'header', name: 'x', value: 'y' }, redactor: new Redactor() })).toThrow(ConfigurationError);
    }
  });
});

describe('a first page announcing a billion pages', () => {
  it('builds and fetches no page beyond maxPages, at any concurrency', async () => {
    for (const concurrency of [1, 8]) {
      const fetched: string[] = [];
      let built = 0;
      const fetchPage = async (next: string | null): Promise<PageResult<number>> => {
        fetched.push(next ?? 'first');
        const url = next ?? 'https://api.test/p?page=1';
        const number = Number(new URL(url).searchParams.get('page'));
        const page: PageResult<number> = { items: [1], next: `https://api.test/p?page=${number + 1}`, url, response: new Response() };
        if (next === null) page.laterPages = { count: 1e9, url: (index) => (built++, `https://api.test/p?page=${index + 2}`) };
        return page;
      };
      const started = performance.now();
      const error = await rejectionOf(new PagedList(fetchPage, { maxPages: 5, concurrency }).toArray());
      expect(error).toBeInstanceOf(PaginationError);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(fetched).toHaveLength(5);
      expect(built).toBeLessThanOrEqual(concurrency > 1 ? 4 : 0);
    }
  });
});

describe("an error's toJSON", () => {
  const errorWith = (body: unknown) =>
    new ApiError({ status: 500, statusText: '', method: 'GET', url: 'https://api.test', headers: {}, body, requestId: undefined, vendorMessage: undefined, retryAfterMs: undefined });

  it('serialises a body nested 20 000 deep, cut with a marker', () => {
    let body: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) body = { errors: [body] };
    const json = JSON.stringify(errorWith(body));
    expect(json.length).toBeLessThan(10 * KB);
    expect(json).toContain('nested');
  });

  it('is bounded for huge strings, lists and objects', () => {
    const body = { text: 'z'.repeat(10 * MB), list: Array.from({ length: 100_000 }, (_, i) => i), map: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) };
    const json = JSON.stringify(errorWith(body));
    expect(json.length).toBeLessThan(64 * KB);
    expect(json).toMatch(/more characters/);
    expect(json).toMatch(/more items/);
    expect(json).toMatch(/more keys/);
  });

  it('keeps an ordinary error whole', () => {
    const body = { message: 'nope', errors: [{ description: 'bad', code: 7 }] };
    expect(JSON.parse(JSON.stringify(errorWith(body))).body).toEqual(body);
  });
});

