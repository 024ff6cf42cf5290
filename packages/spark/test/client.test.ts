import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationError, NotFoundError, RateLimitError } from '@apiclients/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SparkClient as PortableSparkClient } from '../src/index.js';
// Node resolves the package to src/node.ts: the full client, uploads from a local path included.
import { ConfigurationError, LocalPathNotSupportedError, PaginationError, SparkApiError, SparkClient, SparkRateLimitError } from '../src/node.js';
import { answer, startFakeSpark, TOKEN, type FakeSpark } from './fake-spark.js';

let fake: FakeSpark;
beforeEach(async () => {
  fake = await startFakeSpark();
});
afterEach(() => fake.close());
const client = (extra = {}) => new SparkClient({ accessToken: TOKEN, baseUrl: fake.url, ...extra });
const paths = () => fake.requests.map((r) => r.url);

describe('configuration', () => {
  it('takes the token from accessToken, WEBEX_ACCESS_TOKEN, then SPARK_ACCESS_TOKEN; none is an error before any request', async () => {
    delete process.env.WEBEX_ACCESS_TOKEN;
    delete process.env.SPARK_ACCESS_TOKEN;
    expect(() => new SparkClient({ baseUrl: fake.url })).toThrow(/must provide a Webex access token/);
    expect(fake.requests).toEqual([]);
    process.env.SPARK_ACCESS_TOKEN = TOKEN;
    process.env.WEBEX_ACCESS_TOKEN = 'wrong-but-preferred';
    try {
      await expect(new SparkClient({ baseUrl: fake.url }).rooms.list().toArray()).rejects.toBeInstanceOf(AuthenticationError);
      delete process.env.WEBEX_ACCESS_TOKEN;
      expect(await new SparkClient({ baseUrl: fake.url }).rooms.list().toArray()).toHaveLength(5);
    } finally {
      delete process.env.SPARK_ACCESS_TOKEN;
      delete process.env.WEBEX_ACCESS_TOKEN;
    }
  });
});

describe('pagination', () => {
  it('follows cursor pages through an empty middle page, keeping valueless parameters verbatim', async () => {
    const rooms = await client().rooms.list({ max: 2 }).toArray();
    expect(rooms.map((r) => r.id)).toEqual(['room1', 'room2', 'room3', 'room4', 'room5']);
    expect(paths()).toEqual(['/v1/rooms?max=2', '/v1/rooms?max=2&before&cursor=c2', '/v1/rooms?max=2&before&cursor=c3', '/v1/rooms?max=2&before&cursor=c4']);
  });

  it('a total cap stops paging once reached; iterating again starts again', async () => {
    const list = client().rooms.list({ max: 2 }, { limit: 3 });
    expect((await list.toArray()).map((r) => r.id)).toEqual(['room1', 'room2', 'room3']);
    expect(fake.requests).toHaveLength(3);
    expect(await list.toArray()).toHaveLength(3);
    expect(fake.requests).toHaveLength(6);
  });

  it('re-adds parameters the next link dropped and removes max=null', async () => {
    const messages = await client().messages.list({ roomId: 'r1', mentionedPeople: 'me', max: 1 }).toArray();
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    const second = new URL(fake.requests[1]?.url ?? '', 'http://x');
    expect(second.searchParams.get('mentionedPeople')).toBe('me');
    expect(second.searchParams.get('max')).toBe('1');
    expect(fake.requests[1]?.url).not.toContain('max=null');
  });

  it('refuses a next link to another origin', async () => {
    fake.foreignNext = 'https://evil.example.test/v1/messages?cursor=2';
    const error = await client().messages.list({ roomId: 'r1' }).toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('errors and rate limits', () => {
  it('waits out a 429 with Retry-After: 1, then succeeds', async () => {
    fake.script.push(answer(429, 'Too Many Requests', { 'retry-after': '1', 'content-type': 'text/html' }));
    const started = Date.now();
    expect(await client().rooms.list().take(1).toArray()).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests).toHaveLength(2);
  });

  it('a malformed Retry-After means 15 s; not waiting gives SparkRateLimitError, also the core RateLimitError', async () => {
    fake.script.push(answer(429, '', { 'retry-after': 'rand(30),add(30)' }));
    const error = await client({ waitOnRateLimit: false }).rooms.get('r1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkRateLimitError);
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as SparkRateLimitError).retryAfter).toBe(15);
  });

  it('Retry-After: 0 still means at least 1 s', async () => {
    fake.script.push(answer(429, '', { 'retry-after': '0' }));
    const error = await client({ waitOnRateLimit: false }).rooms.get('r1').catch((e: unknown) => e);
    expect((error as SparkRateLimitError).retryAfter).toBe(1);
  });

  it('a 401 with an empty text/plain body is an AuthenticationError with body ""', async () => {
    const error = await new SparkClient({ accessToken: 'bad-token-000000', baseUrl: fake.url }).rooms.get('r1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as SparkApiError).body).toBe('');
    expect(JSON.stringify(error)).not.toContain('bad-token-000000');
  });

  it('a 404 carries the message, errors and trackingId', async () => {
    const error = await client().rooms.get('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as SparkApiError).errors).toEqual([{ description: 'not found' }]);
    expect((error as SparkApiError).trackingId).toBe('ROUTER_404');
    expect((error as Error).message).toContain('The requested resource could not be found.');
  });
});

describe('messages.create with files', () => {
  it('sends a URL as JSON', async () => {
    await client().messages.create({ roomId: 'r1', text: 'see', files: 'https://example.test/a.png' });
    const sent = fake.requests[0];
    expect(sent?.headers['content-type']).toContain('application/json');
    expect(JSON.parse(sent?.body.toString() ?? '')).toEqual({ roomId: 'r1', text: 'see', files: ['https://example.test/a.png'] });
  });

  it('uploads a local file as multipart, re-sent intact after a 429', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-upload-'));
    const path = join(dir, 'chart.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 255]);
    writeFileSync(path, bytes);
    try {
      fake.script.push(answer(429, '', { 'retry-after': '0' }));
      const message = await client().messages.create({ roomId: 'r1', text: 'chart', files: [path] });
      expect(message.id).toBe('m-new');
      expect(fake.requests).toHaveLength(2);
      const [first, second] = fake.requests;
      expect(first?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
      expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
      const form = await new Response(new Uint8Array(second?.body ?? []), { headers: { 'content-type': String(second?.headers['content-type']) } }).formData();
      expect(form.get('roomId')).toBe('r1');
      expect(form.get('text')).toBe('chart');
      const file = form.get('files') as File;
      expect(file.name).toBe('chart.png');
      expect(file.type).toBe('image/png');
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the portable entry refuses a local path before any request, naming what to pass; bytes still upload', async () => {
    const portable = new PortableSparkClient({ accessToken: TOKEN, baseUrl: fake.url });
    const error = await portable.messages.create({ roomId: 'r1', files: './report.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalPathNotSupportedError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as LocalPathNotSupportedError).path).toBe('./report.pdf');
    expect((error as Error).message).toMatch(/pass a Blob, File or Uint8Array/);
    expect(fake.requests).toHaveLength(0);
    await portable.messages.create({ roomId: 'r1', files: new Blob(['%PDF'], { type: 'application/pdf' }) });
    expect(fake.requests[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(new SparkClient({ accessToken: TOKEN })).toBeInstanceOf(PortableSparkClient);
  });

  it('a path that cannot be read is a ConfigurationError before any request', async () => {
    const error = await client().messages.create({ roomId: 'r1', files: '/nonexistent/dir/x.png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('cannot read the file');
    expect(fake.requests).toHaveLength(0);
  });

  it('uploads bytes with a name, and refuses more than one file before any request', async () => {
    await client().messages.create({ toPersonEmail: 'a@example.test', files: { data: new Uint8Array([1, 2]), filename: 'x.pdf' } });
    const form = await new Response(new Uint8Array(fake.requests[0]?.body ?? []), { headers: { 'content-type': String(fake.requests[0]?.headers['content-type']) } }).formData();
    expect((form.get('files') as File).type).toBe('application/pdf');
    await expect(client().messages.create({ roomId: 'r1', files: ['https://a.test/1', 'https://a.test/2'] })).rejects.toBeInstanceOf(ConfigurationError);
    // Plain-JS callers are told which argument is wrong.
    await expect(client().messages.create({ roomId: 'r1', files: [new Uint8Array([1]), new Uint8Array([2])] })).rejects.toThrow(/"files"/);
    await expect(client().messages.create({ roomId: 'r1', files: 42 as never })).rejects.toThrow(/"files" must be/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('access tokens', () => {
  it('get and refresh are form-encoded and carry no bearer token', async () => {
    const spark = client();
    const token = await spark.accessTokens.get({ client_id: 'cid', client_secret: 'csecret', code: 'the-code', redirect_uri: 'https://app.test/cb' });
    expect(token.access_token).toBe('new-access');
    await spark.accessTokens.refresh({ client_id: 'cid', client_secret: 'csecret', refresh_token: 'old-refresh' });
    for (const sent of fake.requests) {
      expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(sent.headers.authorization).toBeUndefined();
    }
    expect(Object.fromEntries(new URLSearchParams(fake.requests[0]?.body.toString()))).toEqual({
      grant_type: 'authorization_code', client_id: 'cid', client_secret: 'csecret', code: 'the-code', redirect_uri: 'https://app.test/cb',
    });
    expect(new URLSearchParams(fake.requests[1]?.body.toString()).get('grant_type')).toBe('refresh_token');
  });
});

describe('middleware', () => {
  it('runs the middleware option, then use(), around every call with the operation id; its header reaches Webex', async () => {
    const seen: string[] = [];
    const spark = new SparkClient({
      accessToken: TOKEN,
      baseUrl: fake.url,
      middleware: [async (request, next, { operationId }) => {
        seen.push(`option ${operationId}`);
        request.headers['x-trace-id'] = 'trace-42';
        return next(request);
      }],
    });
    expect(spark.use(async (request, next, { operationId, credential }) => (seen.push(`use ${operationId} ${credential}`), next(request)))).toBe(spark);
    await spark.rooms.list().take(1).toArray();
    expect(seen).toEqual(['option rooms_list', 'use rooms_list authorization: Bearer [REDACTED]']);
    expect(fake.requests.at(-1)?.headers['x-trace-id']).toBe('trace-42');
  });
});
