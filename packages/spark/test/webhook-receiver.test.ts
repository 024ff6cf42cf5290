/**
 * The webhook receiver over real HTTP: a node:http server on 127.0.0.1 running the Node listener, deliveries sent
 * with node:http (exact bytes, Content-Length or chunked), and a fake Webex (fake-spark.ts) that `event.fetch()`
 * reads the hydrated message and attachment action from. The Fetch handler is checked with real Requests.
 */
import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookHandler as createFetchWebhookHandler } from '../src/index.js';
import { ConfigurationError, createWebhookHandler, SparkApiError, SparkClient, type ReceivedWebhookEvent } from '../src/node.js';
import { startFakeSpark, TOKEN, type FakeSpark } from './fake-spark.js';

const SECRET = 'card-bot-secret-5f0c';
const sign = (body: string | Buffer, secret = SECRET) => createHmac('sha1', secret).update(body).digest('hex');
const envelope = (resource: string, event: string, data: Record<string, unknown>) =>
  JSON.stringify({
    id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh',
    name: 'card bot',
    targetUrl: 'https://bot.example.test/webex',
    resource,
    event,
    orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE',
    createdBy: 'person1',
    appId: 'app1',
    ownedBy: 'creator',
    status: 'active',
    created: '2026-03-02T10:41:07.215Z',
    actorId: 'person2',
    data,
  });

let fake: FakeSpark;
let servers: Server[] = [];
beforeEach(async () => {
  fake = await startFakeSpark();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
  await fake.close();
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`;
}

interface Sent {
  status: number;
  body: string;
}
/** POSTs `body` as these exact bytes; `chunked` sends it in two chunks without Content-Length. */
function post(url: string, body: string | Buffer, headers: Record<string, string> = {}, { chunked = false, method = 'POST' } = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = httpRequest(url, { method, headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(bytes.length) }), ...headers } });
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    // The receiver may answer 413 and close before the whole body is sent: the answer has already come.
    req.on('error', (error) => (req.destroyed && (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error)));
    if (chunked) {
      req.write(bytes.subarray(0, bytes.length >> 1));
      req.end(bytes.subarray(bytes.length >> 1));
    } else req.end(bytes);
  });
}

const spark = () => new SparkClient({ accessToken: TOKEN, baseUrl: fake.url });

describe('createWebhookHandler as a node:http listener', () => {
  it('answers 200 once the handler resolved, with the event typed, and fetch() reads the message from Webex', async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler({
      secret: SECRET,
      client: spark(),
      on: {
        'messages.created': async (event) => {
          const message = await event.fetch();
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen.push(`${event.resource}.${event.event} ${event.data.id} by ${event.actorId}: ${message.text}`);
        },
      },
    });
    const url = await serve(handler);
    const body = envelope('messages', 'created', { id: 'parent1', roomId: 'room1', personId: 'person1' });
    expect(await post(url, body, { 'x-spark-signature': sign(body) })).toEqual({ status: 200, body: '' });
    expect(seen).toEqual(['messages.created parent1 by person2: Release 2.0?']);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/messages/parent1']);
  });

  it('hands a card submission to attachmentActions.created, whose fetch() gives the inputs', async () => {
    fake.actions.set('action1', { id: 'action1', type: 'submit', messageId: 'message9', inputs: { choice: 'yes' }, roomId: 'room1', personId: 'person2', created: '2026-03-02T10:41:07.215Z' });
    const inputs: unknown[] = [];
    const url = await serve(createWebhookHandler({ secret: SECRET, client: spark(), on: { 'attachmentActions.created': async (event) => void inputs.push((await event.fetch()).inputs) } }));
    const body = envelope('attachmentActions', 'created', { id: 'action1', type: 'submit', messageId: 'message9' });
    expect((await post(url, body, { 'x-spark-signature': sign(body) })).status).toBe(200);
    expect(inputs).toEqual([{ choice: 'yes' }]);
  });

  it('refuses a wrong, a missing, and a re-serialised signature with 401, calling no user code', async () => {
    let calls = 0;
    const url = await serve(createWebhookHandler({ secret: SECRET, on: { 'messages.created': () => void calls++ }, onEvent: () => void calls++ }));
    // Spaces and key order as a sender may write them: the signature is of these bytes, not of JSON.stringify's.
    const body = '{ "resource": "messages", "event": "created", "data": { "id": "m1" }, "name": "card bot" }';
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(await post(url, body, { 'x-spark-signature': sign(body, 'another-secret') })).toMatchObject({ status: 401 });
    expect(await post(url, body)).toMatchObject({ status: 401 });
    expect(await post(url, body, { 'x-spark-signature': sign(reserialised) })).toMatchObject({ status: 401 });
    expect(await post(url, body.replace('m1', 'm2'), { 'x-spark-signature': sign(body) })).toMatchObject({ status: 401 });
    expect(calls).toBe(0);
    expect(await post(url, body, { 'x-spark-signature': sign(body) })).toMatchObject({ status: 200 });
    expect(calls).toBe(1);
  });

  it('answers 413 over maxBodyBytes, declared or chunked, without calling user code; at the limit is fine', async () => {
    let calls = 0;
    const body = envelope('messages', 'created', { id: 'm1', padding: 'x'.repeat(2000) });
    const url = await serve(createWebhookHandler({ secret: SECRET, maxBodyBytes: 1024, onEvent: () => void calls++ }));
    expect(await post(url, body, { 'x-spark-signature': sign(body) })).toMatchObject({ status: 413 });
    expect(await post(url, body, { 'x-spark-signature': sign(body) }, { chunked: true })).toMatchObject({ status: 413 });
    expect(calls).toBe(0);
    const exact = envelope('messages', 'created', { id: 'm1' });
    const atLimit = await serve(createWebhookHandler({ secret: SECRET, maxBodyBytes: Buffer.byteLength(exact), onEvent: () => void calls++ }));
    expect(await post(atLimit, exact, { 'x-spark-signature': sign(exact) }, { chunked: true })).toMatchObject({ status: 200 });
    expect(calls).toBe(1);
  });

  it('answers 400 to a signed body that is not a webhook envelope', async () => {
    const url = await serve(createWebhookHandler({ secret: SECRET, onEvent: () => undefined }));
    for (const body of ['not json', '[1,2]', '{"resource":"messages","event":"created"}', '{"resource":"messages","event":"created","data":{"id":7}}', '\u00ff']) {
      expect(await post(url, body, { 'x-spark-signature': sign(body) }), body).toMatchObject({ status: 400 });
    }
  });

  it('answers 500 with no detail when the handler throws, and tells onError', async () => {
    const errors: unknown[] = [];
    const url = await serve(
      createWebhookHandler({
        secret: SECRET,
        on: { 'rooms.updated': () => Promise.reject(new Error('database password is hunter2')) },
        onError: (error, event) => errors.push([(error as Error).message, event.data.id]),
      }),
    );
    const body = envelope('rooms', 'updated', { id: 'room1' });
    expect(await post(url, body, { 'x-spark-signature': sign(body) })).toEqual({ status: 500, body: '' });
    expect(errors).toEqual([['database password is hunter2', 'room1']]);
  });

  it('answers 405 to anything but POST, and hands unknown events to onEvent (200 with no handler at all)', async () => {
    const other: string[] = [];
    const url = await serve(createWebhookHandler({ secret: SECRET, onEvent: (event) => void other.push(`${event.resource}.${event.event}`) }));
    expect(await post(url, '', {}, { method: 'GET' })).toMatchObject({ status: 405 });
    const body = envelope('meetingTranscripts', 'created', { id: 't1' });
    expect((await post(url, body, { 'x-spark-signature': sign(body) })).status).toBe(200);
    expect(other).toEqual(['meetingTranscripts.created']);
    const bare = await serve(createWebhookHandler({ secret: SECRET }));
    expect((await post(bare, body, { 'x-spark-signature': sign(body) })).status).toBe(200);
  });

  it('fetch() fails clearly without a client, for resources Webex has no read for, and with 404 for a deleted message', async () => {
    const outcomes: unknown[] = [];
    const record = (event: ReceivedWebhookEvent<string, string>) =>
      event.fetch().then(
        () => outcomes.push('read'),
        (error: unknown) => outcomes.push(error instanceof ConfigurationError ? 'configuration' : error instanceof SparkApiError ? error.status : error),
      );
    const withClient = await serve(createWebhookHandler({ secret: SECRET, client: spark(), onEvent: record }));
    const without = await serve(createWebhookHandler({ secret: SECRET, onEvent: record }));
    const deleted = envelope('messages', 'deleted', { id: 'gone' });
    const meeting = envelope('meetings', 'started', { id: 'meeting1' });
    await post(withClient, deleted, { 'x-spark-signature': sign(deleted) });
    await post(withClient, meeting, { 'x-spark-signature': sign(meeting) });
    await post(without, deleted, { 'x-spark-signature': sign(deleted) });
    expect(outcomes).toEqual([404, 'configuration', 'configuration']);
  });

  it('works as middleware behind a raw body parser (the bytes in req.body)', async () => {
    const seen: string[] = [];
    const handler = createWebhookHandler({ secret: SECRET, on: { 'memberships.created': (event) => void seen.push(event.data.id) } });
    const url = await serve(async (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      Object.assign(req, { body: Buffer.concat(chunks) });
      handler(req, res, () => res.end('next'));
    });
    const body = envelope('memberships', 'created', { id: 'membership1' });
    expect(await post(url, body, { 'x-spark-signature': sign(body) })).toEqual({ status: 200, body: '' });
    expect(seen).toEqual(['membership1']);
  });

  it('refuses options without a secret, or with a bad limit, before serving', () => {
    expect(() => createWebhookHandler({ secret: '' })).toThrow(ConfigurationError);
    expect(() => createWebhookHandler({ secret: SECRET, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
  });

  it('ignoreOwn: refused without a client that can say who it is; a failed people.me() is a 500, asked again next time', async () => {
    expect(() => createWebhookHandler({ secret: SECRET, ignoreOwn: true })).toThrow(/ignoreOwn needs \{ client \}/);
    const { messages, attachmentActions, memberships, rooms } = spark();
    // A fetcher that reads resources but cannot say who it is (no people.me()).
    expect(() => createWebhookHandler({ secret: SECRET, ignoreOwn: true, client: { messages, attachmentActions, memberships, rooms } })).toThrow(ConfigurationError);
    const asked: string[] = [];
    const me = () => {
      asked.push('me');
      return asked.length === 1 ? Promise.reject(new Error('Webex is down')) : Promise.resolve({ id: 'person1' });
    };
    const client = { messages, attachmentActions, memberships, rooms, people: { me } };
    const seen: (string | undefined)[] = [];
    const errors: string[] = [];
    const handler = createWebhookHandler({
      secret: SECRET,
      client,
      ignoreOwn: true,
      onEvent: (event) => void seen.push(event.actorId),
      onError: (error) => void errors.push((error as Error).message),
    });
    const theirs = envelope('rooms', 'updated', { id: 'room1' }); // actorId person2
    const mine = theirs.replace('"actorId":"person2"', '"actorId":"person1"');
    const anonymous = theirs.replace('"actorId":"person2",', '');
    const receive = (body: string) => handler.receive(Buffer.from(body), sign(body)).then((answer) => answer.status);
    expect(await receive(theirs)).toBe(500);
    expect(errors).toEqual(['Webex is down']);
    expect([await receive(theirs), await receive(mine), await receive(anonymous), await receive(mine)]).toEqual([200, 200, 200, 200]);
    expect(seen).toEqual(['person2', undefined]);
    expect(asked).toEqual(['me', 'me']);
  });
});

describe('createWebhookHandler as a Fetch API handler (the browser entry: no Node built-in)', () => {
  const request = (body: string, headers: Record<string, string> = {}) => new Request('http://127.0.0.1/webex', { method: 'POST', body, headers });

  it('answers as the Node listener does: 200, 401, 400, 413, 500, 405', async () => {
    const seen: string[] = [];
    const handler = createFetchWebhookHandler({
      secret: SECRET,
      maxBodyBytes: 1024,
      on: { 'messages.created': (event) => void seen.push(event.data.id), 'rooms.updated': () => { throw new Error('no') } },
    });
    const body = envelope('messages', 'created', { id: 'm1' });
    expect((await handler.fetch(request(body, { 'x-spark-signature': sign(body) }))).status).toBe(200);
    expect((await handler.fetch(request(body, { 'x-spark-signature': sign(body, 'x') }))).status).toBe(401);
    expect((await handler.fetch(request(body))).status).toBe(401);
    expect((await handler.fetch(request('[]', { 'x-spark-signature': sign('[]') }))).status).toBe(400);
    const big = envelope('messages', 'created', { id: 'm2', padding: 'x'.repeat(2000) });
    expect((await handler.fetch(request(big, { 'x-spark-signature': sign(big) }))).status).toBe(413);
    // No Content-Length: a stream, counted as it is read.
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const streamed = new Request('http://127.0.0.1/webex', { method: 'POST', body: stream, duplex: 'half', headers: { 'x-spark-signature': sign(big) } } as RequestInit);
    expect((await handler.fetch(streamed)).status).toBe(413);
    const failing = envelope('rooms', 'updated', { id: 'r1' });
    const failed = await handler.fetch(request(failing, { 'x-spark-signature': sign(failing) }));
    expect([failed.status, await failed.text()]).toEqual([500, '']);
    expect((await handler.fetch(new Request('http://127.0.0.1/webex'))).status).toBe(405);
    expect(seen).toEqual(['m1']);
  });
});
