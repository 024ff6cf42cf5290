/**
 * Every attempt must send the same body: the transport reads it once and builds a fresh Request per attempt.
 * The fake fetch reads each attempt's body, so a stream consumed by the first attempt would show up as empty.
 */
import { describe, expect, it } from 'vitest';
import {
  bindOperations,
  createFetchClient,
  type OperationTable,
  type TransportOptions,
} from '../src/internal.js';
import { recordedSleep, reply, text, utf8, type Reply, type SentRequest } from './support/fake-fetch.js';

const BASE = 'https://api.example.test/v1';
const FILE_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x1a, 0x0a, 0xc3, 0x28]);

/** Two retryable failures for any method (429), then success. */
const flaky: Reply[] = [reply(429, '', { 'retry-after': '0' }), reply(429, '', { 'retry-after-ms': '1' }), reply(201, { id: 'new' })];
import { SENDERS } from './support/senders.js';

describe.each(SENDERS)('over $name', ({ fakeFetch, createTransport }) => {
  function setup(replies: Reply[] = flaky, options: TransportOptions = {}) {
    const fake = fakeFetch(...replies);
    const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep, ...options });
    return { transport, sent: fake.sent };
  }

  /** Parses one attempt's multipart body the way a server would. */
  async function formDataOf(sent: SentRequest): Promise<FormData> {
    const contentType = sent.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    return new Response(sent.body, { headers: { 'content-type': contentType } }).formData();
  }

  async function expectMultipart(sent: SentRequest[]) {
    expect(sent).toHaveLength(3);
    const first = sent[0] as SentRequest;
    expect(first.body.byteLength).toBeGreaterThan(FILE_BYTES.byteLength);
    for (const attempt of sent) {
      // Same bytes and the same boundary on every attempt…
      expect(attempt.body).toEqual(first.body);
      expect(attempt.headers.get('content-type')).toBe(first.headers.get('content-type'));
      // …and they still parse as the form that was sent.
      const form = await formDataOf(attempt);
      expect(form.get('title')).toBe('Quarterly report ✓');
      const file = form.get('file');
      expect(file).toBeInstanceOf(Blob);
      expect((file as File).name).toBe('report.bin');
      expect((file as File).type).toBe('application/octet-stream');
      expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(FILE_BYTES);
    }
  }

  function multipartForm(): FormData {
    const form = new FormData();
    form.append('title', 'Quarterly report ✓');
    form.append('file', new Blob([FILE_BYTES], { type: 'application/octet-stream' }), 'report.bin');
    return form;
  }

  describe('bodies re-sent intact: transport called directly', () => {
    it('JSON', async () => {
      const { transport, sent } = setup();
      const json = JSON.stringify({ name: 'Zoë', nested: { list: [1, 2, 3] } });
      const response = await transport(
        new Request(`${BASE}/things`, { method: 'POST', body: json, headers: { 'content-type': 'application/json' } }),
      );
      expect(response.status).toBe(201);
      expect(sent).toHaveLength(3);
      for (const attempt of sent) {
        expect(attempt.method).toBe('POST');
        expect(text(attempt.body)).toBe(json);
        expect(attempt.headers.get('content-type')).toBe('application/json');
      }
    });

    it('URL-encoded form', async () => {
      const { transport, sent } = setup();
      const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b&c' });
      await transport(new Request(`${BASE}/token`, { method: 'POST', body: form }));
      expect(sent).toHaveLength(3);
      for (const attempt of sent) {
        expect(text(attempt.body)).toBe('grant_type=client_credentials&scope=a+b%26c');
        expect(attempt.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
      }
    });

    it('multipart FormData with a Blob file', async () => {
      const { transport, sent } = setup();
      await transport(new Request(`${BASE}/upload`, { method: 'POST', body: multipartForm() }));
      await expectMultipart(sent);
    });

    it('a streamed body', async () => {
      const { transport, sent } = setup();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(utf8('chunk one,'));
          controller.enqueue(utf8('chunk two'));
          controller.close();
        },
      });
      await transport(new Request(`${BASE}/stream`, { method: 'PUT', body: stream, duplex: 'half' } as RequestInit));
      expect(sent.map((s) => text(s.body))).toEqual(['chunk one,chunk two', 'chunk one,chunk two', 'chunk one,chunk two']);
    });

    it('no body stays no body on a retried GET', async () => {
      const { transport, sent } = setup([reply(503), reply(200)]);
      await transport(new Request(`${BASE}/things`));
      expect(sent.map((s) => s.hasBody)).toEqual([false, false]);
    });

    it('keeps the caller’s headers on every attempt', async () => {
      const { transport, sent } = setup();
      await transport(new Request(`${BASE}/things`, { method: 'POST', body: '{}', headers: { 'x-trace': 'abc' } }));
      expect(sent.map((s) => s.headers.get('x-trace'))).toEqual(['abc', 'abc', 'abc']);
    });
  });

  // A minimal typed spec, as openapi-typescript would write it.
  interface Thing {
    name: string;
    tags: string[];
  }
  interface paths {
    '/things': { post: operations['things_create'] };
    '/token': { post: operations['token_create'] };
    '/upload': { post: operations['files_upload'] };
  }
  interface operations {
    things_create: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': Thing } };
      responses: { 201: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
    token_create: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/x-www-form-urlencoded': { grant_type: string; scope: string } } };
      responses: { 201: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
    files_upload: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'multipart/form-data': { title: string; file: string } } };
      responses: { 201: { headers: { [name: string]: unknown }; content: { 'application/json': { id: string } } } };
    };
  }
  const table = {
    things_create: {
      resource: 'things',
      method: 'create',
      verb: 'post',
      path: '/things',
      params: [],
      requestBody: ['application/json'],
      bodyFields: ['name', 'tags'],
      responses: ['application/json'],
      pagination: null,
      idempotent: false,
    },
    files_upload: {
      resource: 'files',
      method: 'upload',
      verb: 'post',
      path: '/upload',
      params: [],
      requestBody: ['multipart/form-data'],
      responses: ['application/json'],
      pagination: null,
      idempotent: false,
    },
  } as const satisfies OperationTable;

  describe('bodies re-sent intact: through createFetchClient', () => {
    it('JSON', async () => {
      const { transport, sent } = setup();
      const client = createFetchClient<paths>(BASE, transport);
      const { data } = await client.POST('/things', { body: { name: 'Zoë', tags: ['a', 'b'] } });
      expect(data).toEqual({ id: 'new' });
      expect(sent).toHaveLength(3);
      for (const attempt of sent) expect(JSON.parse(text(attempt.body))).toEqual({ name: 'Zoë', tags: ['a', 'b'] });
    });

    it('URL-encoded form', async () => {
      const { transport, sent } = setup();
      const client = createFetchClient<paths>(BASE, transport);
      await client.POST('/token', {
        body: { grant_type: 'client_credentials', scope: 'a b' },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(sent).toHaveLength(3);
      for (const attempt of sent) {
        expect(attempt.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
        expect(Object.fromEntries(new URLSearchParams(text(attempt.body)))).toEqual({ grant_type: 'client_credentials', scope: 'a b' });
      }
    });

    it('multipart FormData with a Blob file', async () => {
      const { transport, sent } = setup();
      const client = createFetchClient<paths>(BASE, transport);
      const { data } = await client.POST('/upload', {
        body: { title: 'Quarterly report ✓', file: 'report.bin' },
        bodySerializer: () => multipartForm(),
      });
      expect(data).toEqual({ id: 'new' });
      await expectMultipart(sent);
    });
  });

  describe('bodies re-sent intact: through bindOperations', () => {
    it('JSON body of a non-idempotent POST, retried on 429', async () => {
      const { transport, sent } = setup();
      const api = bindOperations<operations, typeof table>(BASE, table, transport);
      const created = await api.things.create({ name: 'Zoë', tags: ['x'] });
      expect(created).toEqual({ id: 'new' });
      expect(sent).toHaveLength(3);
      for (const attempt of sent) {
        expect(attempt.url).toBe(`${BASE}/things`);
        expect(attempt.headers.get('content-type')).toBe('application/json');
        expect(JSON.parse(text(attempt.body))).toEqual({ name: 'Zoë', tags: ['x'] });
      }
    });

    it('multipart FormData with a Blob file', async () => {
      const { transport, sent } = setup();
      const api = bindOperations<operations, typeof table>(BASE, table, transport);
      // A multipart body is passed whole, as FormData, under rawBody.
      expect(await api.files.upload({ rawBody: multipartForm() })).toEqual({ id: 'new' });
      await expectMultipart(sent);
    });
  });
});
