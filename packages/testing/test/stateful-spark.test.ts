/**
 * The Webex stateful mock with SparkClient and with plain fetch: a bot's whole flow (webhooks delivered signed to a
 * local receiver, a card in the thread, its answer, the thread read back), who sees what (a webhook's owner, a bot
 * in a group room), records in Webex's formats, Link paging (and Webex's paging defects on demand), Webex's error
 * bodies, separate state per server and reset() back to the seed.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, ConfigurationError, ConflictError, NotFoundError, PermissionDeniedError } from '@apiclients/core';
import { createWebhookHandler, SparkApiError, SparkClient, SparkRateLimitError, verifyWebhookSignature, type components, type WebhookEvent } from '@apiclients/spark';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatefulMock } from '../src/stateful/start-stateful-mock.js';
import type { StatefulMockServer } from '../src/stateful/stateful-server.js';
import type { SparkMockOptions, SparkSeed } from '../src/stateful/profiles/spark.js';

type CardAttachment = components['schemas']['CardAttachment'];

const SECRET = 'webhook-secret-for-tests';
const ALICE_TOKEN = 'alice-token';
const SEED: SparkSeed = {
  me: { email: 'bot@webex.bot', displayName: 'Echo Bot', type: 'bot' },
  people: [{ email: 'alice@example.com', displayName: 'Alice', accessToken: ALICE_TOKEN }],
  rooms: [{ title: 'Support', members: ['alice@example.com'] }],
};

const CARD: CardAttachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.2', actions: [{ type: 'Action.Submit', title: 'Answer' }] } };

/** The same people and room, `me` a person (a bot may not list a group room's messages). */
const PERSON_SEED: SparkSeed = { people: SEED.people!, rooms: SEED.rooms! };

const open: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((running) => running.stop()));
});

async function mock(options: SparkMockOptions = { seed: SEED }): Promise<StatefulMockServer> {
  const server = await startStatefulMock('spark', options);
  open.push(server);
  return server;
}

/** A delivery as the receiver got it: the raw body and its signature. */
interface Delivery {
  raw: Buffer;
  signature: string | undefined;
}

/** A node:http receiver on 127.0.0.1 that keeps every delivery and answers with `answer`'s status. */
async function receiver(answer: (delivery: Delivery) => Promise<number> | number = () => 200): Promise<{ url: string; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const delivery = { raw: Buffer.concat(chunks), signature: req.headers['x-spark-signature'] as string | undefined };
      deliveries.push(delivery);
      void Promise.resolve(answer(delivery)).then((status) => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ stop: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`, deliveries };
}

const envelopeOf = (delivery: Delivery) => JSON.parse(delivery.raw.toString('utf8')) as WebhookEvent & { data: Record<string, unknown> };
const decodedId = (id: string | undefined) => Buffer.from(String(id), 'base64url').toString('utf8');
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Deliveries are sent at once and arrive in no set order (Webex promises none either): compared sorted. */
const unordered = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
const failureOf = (call: Promise<unknown>) => call.then(() => undefined, (error: unknown) => error);

describe('a bot flow', () => {
  it('with SparkClient: webhooks ensured, a signed delivery, a card in the thread, its answer, the thread read back', async () => {
    const server = await mock();
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const me = await bot.people.me();
    expect(me).toMatchObject({ displayName: 'Echo Bot', emails: ['bot@webex.bot'], type: 'bot' });
    const [room] = await bot.rooms.list().toArray();
    let reply: { id?: string; roomId?: string; parentId?: string } = {};
    let editRefused: unknown;
    // The card bot of examples/spark-card-bot.mjs: the Spark package's own receiver, answering each message of
    // someone else with a card in its thread, and the card's answer with a message in the thread.
    const handler = createWebhookHandler({
      secret: SECRET,
      client: bot,
      on: {
        'messages.created': async (event) => {
          if (event.actorId === me.id) return;
          const message = await event.fetch();
          reply = await bot.messages.create({ roomId: message.roomId, parentId: message.id, markdown: 'Ship it?', attachments: [CARD] });
        },
        'attachmentActions.created': async (event) => {
          const action = await event.fetch();
          // Webex refuses to edit a message with a card ("Edit a Message"): the bot answers in the thread instead.
          editRefused = await failureOf(bot.messages.update(reply.id!, { roomId: reply.roomId!, markdown: `Ship it? **${String(action.inputs?.choice)}**` }));
          await bot.messages.create({ roomId: action.roomId, parentId: reply.parentId, markdown: `Shipping: **${String(action.inputs?.choice)}**` });
        },
      },
    });
    const received = await receiver(async ({ raw, signature }) => (await handler.receive(raw, signature)).status);
    for (const round of ['created', 'updated']) {
      for (const resource of ['messages', 'attachmentActions'] as const) {
        const ensured = await bot.webhooks.ensure({ name: `bot ${resource}`, targetUrl: received.url, resource, event: 'created', filter: `roomId=${room!.id}`, secret: SECRET });
        expect(ensured).toMatchObject({ action: round, webhook: { resource, status: 'active', createdBy: me.id } });
      }
    }
    expect(await bot.webhooks.list().toArray()).toHaveLength(2);
    expect(await alice.webhooks.list().toArray()).toEqual([]);

    // In a group room a bot is told only of the messages that mention it (and of its own).
    await alice.messages.create({ roomId: room!.id, text: 'not for the bot' });
    const question = await alice.messages.create({ roomId: room!.id, markdown: `<@personEmail:bot@webex.bot|Echo Bot> release 2.0`, text: 'Echo Bot release 2.0' });
    await server.settled();
    // Alice's mention and the bot's reply, each delivered once, each signed with the webhook's secret.
    expect(received.deliveries).toHaveLength(2);
    for (const delivery of received.deliveries) expect(await verifyWebhookSignature(delivery.raw, delivery.signature, SECRET)).toBe(true);
    const first = envelopeOf(received.deliveries[0]!);
    expect(first).toMatchObject({ resource: 'messages', event: 'created', filter: `roomId=${room!.id}`, actorId: question.personId, createdBy: me.id, status: 'active', ownedBy: 'creator' });
    expect(first.data).toEqual({ id: question.id, roomId: room!.id, roomType: 'group', personId: question.personId, personEmail: 'alice@example.com', mentionedPeople: [me.id], created: question.created });

    const action = await alice.attachmentActions.create({ type: 'submit', messageId: reply.id!, inputs: { choice: 'yes' } });
    await server.settled();
    expect(envelopeOf(received.deliveries[2]!)).toMatchObject({ resource: 'attachmentActions', data: { id: action.id, messageId: reply.id, type: 'submit' } });
    expect(await bot.attachmentActions.get(action.id!)).toMatchObject({ type: 'submit', messageId: reply.id, roomId: room!.id, personId: question.personId, inputs: { choice: 'yes' } });
    expect(editRefused).toBeInstanceOf(BadRequestError);
    expect(editRefused).toMatchObject({ status: 400, errors: [{ description: expect.stringContaining('attachments') }] });
    // Alice reads the thread back; the bot may list a group room's messages only with mentionedPeople=me.
    const thread = await alice.messages.thread(question.id!).toArray();
    expect(thread.map((m) => [m.personEmail, m.text ?? m.markdown, m.attachments?.length])).toEqual([
      ['alice@example.com', 'Echo Bot release 2.0', undefined],
      // Sent as Markdown alone, a message's text is its plain form, as Webex gives it.
      ['bot@webex.bot', 'Ship it?', 1],
      ['bot@webex.bot', 'Shipping: yes', undefined],
    ]);
    expect(thread[1]!.updated).toBeUndefined();
    const refused = await failureOf(bot.messages.list({ roomId: room!.id! }).toArray());
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403, errors: [{ description: 'Failed to get activity.' }] });
    // Webex's bare message, and what its documentation says of it.
    expect((refused as Error).message).toMatch(/^403 Failed to get activity\.: GET .*\/messages\?roomId=.* \(a bot lists a group room's messages only with mentionedPeople: 'me'\)$/);
    const otherForbidden = await failureOf(alice.people.list().toArray());
    expect(otherForbidden).toMatchObject({ status: 403 });
    expect((otherForbidden as Error).message).not.toContain('mentionedPeople');
    expect((await bot.messages.list({ roomId: room!.id!, mentionedPeople: 'me' }).toArray()).map((m) => m.id)).toEqual([question.id]);
  });

  it('a bot reads a group room’s thread with mentionedPeople=me (the replies that mention it), a 1:1 thread whole', async () => {
    const server = await mock();
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const [room] = await bot.rooms.list().toArray();
    const mention = '<@personEmail:bot@webex.bot|Echo Bot>';
    const question = await alice.messages.create({ roomId: room!.id, markdown: `${mention} release 2.0?` });
    await alice.messages.create({ roomId: room!.id, parentId: question.id, markdown: `${mention} on Friday` });
    await alice.messages.create({ roomId: room!.id, parentId: question.id, text: 'not for the bot' });
    await alice.messages.create({ roomId: room!.id, parentId: question.id, markdown: `${mention} or Monday` });
    await bot.messages.create({ roomId: room!.id, parentId: question.id, text: 'noted' });

    // Listed as a person lists it, Webex refuses the bot (403); the thread asks with mentionedPeople=me.
    const fromReply = await bot.messages.list({ roomId: room!.id!, mentionedPeople: 'me', max: 1 }).take(1).toArray();
    const thread = await bot.messages.thread(fromReply[0]!.id!).toArray();
    expect(thread.map((m) => m.text)).toEqual(['Echo Bot release 2.0?', 'Echo Bot on Friday', 'Echo Bot or Monday']);
    const listed = server.requests.filter((r) => r.operationId === 'messages_list').at(-1);
    expect(new URL(listed!.url, server.url).searchParams.get('mentionedPeople')).toBe('me');
    // A second thread does not ask who the caller is again.
    await bot.messages.thread(question.id!).toArray();
    expect(server.requests.filter((r) => r.operationId === 'people_me')).toHaveLength(1);
    // A person reads the whole thread, and is never asked for mentionedPeople.
    expect((await alice.messages.thread(question.id!).toArray()).map((m) => m.text)).toEqual(['Echo Bot release 2.0?', 'Echo Bot on Friday', 'not for the bot', 'Echo Bot or Monday', 'noted']);

    // In a 1:1 room a bot sees every message: the whole thread, listed without mentionedPeople.
    const direct = await alice.messages.create({ toPersonEmail: 'bot@webex.bot', text: 'hi bot' });
    await alice.messages.create({ roomId: direct.roomId, parentId: direct.id, text: 'more' });
    expect((await bot.messages.thread(direct.id!).toArray()).map((m) => m.text)).toEqual(['hi bot', 'more']);
    // A 1:1 room's title is the other person's name, for each of the two ("Get Room Details").
    expect((await bot.rooms.get(direct.roomId!)).title).toBe('Alice');
    expect((await alice.rooms.get(direct.roomId!)).title).toBe('Echo Bot');
    expect((await bot.rooms.list({ type: 'direct' }).toArray()).map((r) => r.title)).toEqual(['Alice']);
  });

  it('with plain fetch: the envelope and signature by hand, a thread by parentId, a delete delivered', async () => {
    const server = await mock({ seed: { rooms: [{ title: 'Ops' }] } });
    const auth = { authorization: 'Bearer any-token', 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, any>) };
    };
    const received = await receiver();
    const { body: rooms } = await call('GET', '/rooms');
    const roomId = rooms!.items[0].id as string;
    const { body: webhook } = await call('POST', '/webhooks', { name: 'new messages', targetUrl: received.url, resource: 'messages', event: 'created', secret: 'shh' });
    expect(webhook).toMatchObject({ status: 'active', resource: 'messages', event: 'created', secret: 'shh', ownedBy: 'creator' });
    await call('POST', '/webhooks', { name: 'deleted messages', targetUrl: received.url, resource: 'messages', event: 'deleted', secret: 'shh' });

    const { status, body: parent } = await call('POST', '/messages', { roomId, markdown: 'Deploy **now**?' });
    expect(status).toBe(200);
    const { body: reply } = await call('POST', '/messages', { roomId, parentId: parent!.id, text: 'yes' });
    expect((await call('DELETE', `/messages/${reply!.id}`)).status).toBe(204);
    await server.settled();

    expect(unordered(received.deliveries.map((d) => [envelopeOf(d).event, envelopeOf(d).data.id]))).toEqual(
      unordered([
        ['created', parent!.id],
        ['created', reply!.id],
        ['deleted', reply!.id],
      ]),
    );
    for (const { raw, signature } of received.deliveries) expect(signature).toBe(createHmac('sha1', 'shh').update(raw).digest('hex'));
    const envelope = envelopeOf(received.deliveries.find((d) => envelopeOf(d).data.id === reply!.id && envelopeOf(d).event === 'created')!);
    expect(Object.keys(envelope)).toEqual(['id', 'name', 'targetUrl', 'resource', 'event', 'orgId', 'createdBy', 'appId', 'ownedBy', 'status', 'created', 'actorId', 'data']);
    expect(envelope).toMatchObject({ id: webhook!.id, name: 'new messages', targetUrl: received.url, orgId: webhook!.orgId, appId: webhook!.appId });
    expect(envelope.data).toMatchObject({ parentId: parent!.id, roomId });
    expect(envelope.data).not.toHaveProperty('text');

    await call('POST', '/messages', { roomId, parentId: parent!.id, text: 'on it' });
    const { body: replies } = await call('GET', `/messages?roomId=${roomId}&parentId=${parent!.id}`);
    expect(replies!.items.map((m: { text: string }) => m.text)).toEqual(['on it']);
    const { body: all } = await call('GET', `/messages?roomId=${roomId}`);
    expect(all!.items.map((m: { text?: string; markdown?: string }) => m.text ?? m.markdown)).toEqual(['on it', 'Deploy now?']);
  });

  it('delivers only to webhooks whose resource, event and filter match', async () => {
    const server = await mock({ seed: { ...SEED, rooms: [{ title: 'A' }, { title: 'B' }] } });
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const received = await receiver();
    const [a, b] = await bot.rooms.list().toArray();
    await bot.webhooks.create({ name: 'room A', targetUrl: `${received.url}?a`, resource: 'messages', event: 'created', filter: `roomId=${a!.id}` });
    await bot.webhooks.create({ name: 'mentions', targetUrl: `${received.url}?me`, resource: 'messages', event: 'created', filter: 'mentionedPeople=me' });
    await bot.webhooks.create({ name: 'rooms', targetUrl: `${received.url}?rooms`, resource: 'rooms', event: 'updated' });
    // Alice's webhook is told only of the rooms she is in: B, once the bot added her.
    const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
    await alice.webhooks.create({ name: 'alice', targetUrl: `${received.url}?alice`, resource: 'messages', event: 'created', filter: 'personEmail=bot@webex.bot' });
    await bot.memberships.create({ roomId: b!.id!, personEmail: 'alice@example.com' });
    const me = await bot.people.me();
    await bot.messages.create({ roomId: b!.id, text: 'not for A' });
    await bot.messages.create({ roomId: b!.id, markdown: `hey <@personId:${me.id}|bot>` });
    await bot.messages.create({ roomId: a!.id, text: 'for A' });
    await bot.rooms.update(b!.id!, { title: 'B, renamed' });
    await server.settled();
    expect(unordered(received.deliveries.map((d) => [envelopeOf(d).name, envelopeOf(d).data.roomId ?? envelopeOf(d).data.title]))).toEqual(
      unordered([
        ['alice', b!.id],
        ['alice', b!.id],
        ['mentions', b!.id],
        ['room A', a!.id],
        ['rooms', 'B, renamed'],
      ]),
    );
    // No secret, no signature.
    expect(received.deliveries.map((d) => d.signature)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const mentioned = await bot.messages.list({ roomId: b!.id!, mentionedPeople: 'me' }).toArray();
    expect(mentioned.map((m) => m.markdown)).toEqual([`hey <@personId:${me.id}|bot>`]);
  });
});

describe('records as Webex writes them', () => {
  it('ids, timestamps and defaults of rooms, memberships, messages and teams; 1:1 messages; an edit', async () => {
    const server = await mock();
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const { data: me, requestId } = await spark.people.me().withResponse();
    // Webex's TrackingID comes with every answer, not only errors.
    expect(requestId).toMatch(/^ROUTER_[0-9A-F-]{36}$/);
    const room = await spark.rooms.create({ title: 'Release' });
    expect(decodedId(room.id)).toMatch(/^ciscospark:\/\/us\/ROOM\/[0-9a-f-]{36}$/);
    expect(decodedId(me.id)).toMatch(/^ciscospark:\/\/us\/PEOPLE\//);
    expect(room).toMatchObject({ title: 'Release', type: 'group', isLocked: false, creatorId: me.id, ownerId: me.orgId });
    expect(room.created).toMatch(ISO_MS);
    expect(room.lastActivity).toBe(room.created);
    const members = await spark.memberships.list({ roomId: room.id! }).toArray();
    expect(members).toEqual([expect.objectContaining({ personId: me.id, personEmail: 'bot@webex.bot', roomType: 'group', isModerator: false })]);
    expect(decodedId(members[0]!.id)).toMatch(/^ciscospark:\/\/us\/MEMBERSHIP\/[0-9a-f-]{36}:[0-9a-f-]{36}$/);

    const message = await spark.messages.create({ roomId: room.id, text: 'hello' });
    expect(decodedId(message.id)).toMatch(/^ciscospark:\/\/us\/MESSAGE\//);
    expect(message).toMatchObject({ roomId: room.id, roomType: 'group', personId: me.id, personEmail: 'bot@webex.bot', text: 'hello' });
    expect(message.created).toMatch(ISO_MS);
    expect((await spark.rooms.get(room.id!)).lastActivity).toBe(message.created);

    // A first message to a person makes their 1:1 room; /messages/direct finds it by email.
    const direct = await spark.messages.create({ toPersonEmail: 'alice@example.com', text: 'psst' });
    expect(direct).toMatchObject({ roomType: 'direct', toPersonEmail: 'alice@example.com' });
    expect((await spark.messages.listDirect({ personEmail: 'alice@example.com' })).items?.map((m) => m.text)).toEqual(['psst']);
    // A bot lists a 1:1 room without mentionedPeople (only group rooms need it).
    expect((await spark.messages.list({ roomId: direct.roomId! }).toArray()).map((m) => m.id)).toEqual([direct.id]);
    // A team's creator is its first member, a moderator; a second membership of one person is a 409.
    const team = await spark.teams.create({ name: 'Core' });
    expect(await spark.teamMemberships.list({ teamId: team.id! }).toArray()).toEqual([expect.objectContaining({ personId: me.id, isModerator: true, teamId: team.id })]);
    await spark.teamMemberships.create({ teamId: team.id!, personEmail: 'alice@example.com' });
    expect(await failureOf(spark.teamMemberships.create({ teamId: team.id!, personEmail: 'alice@example.com' }))).toBeInstanceOf(ConflictError);

    const edited = await spark.messages.update(direct.id!, { roomId: direct.roomId!, text: 'hi Alice' });
    expect(edited).toMatchObject({ text: 'hi Alice', created: direct.created });
    expect(edited.updated).toMatch(ISO_MS);
    // Webex allows 10 edits of a message ("Edit a Message"); the 11th is a 400 and leaves the message as it was.
    for (let edit = 2; edit <= 10; edit++) await spark.messages.update(direct.id!, { roomId: direct.roomId!, text: `edit ${edit}` });
    expect(await failureOf(spark.messages.update(direct.id!, { roomId: direct.roomId!, text: 'edit 11' }))).toMatchObject({ status: 400 });
    expect((await spark.messages.get(direct.id!)).text).toBe('edit 10');
  });

  it('an uploaded file, the mock’s clock, memberships (a 409 for a second one) told to a webhook', async () => {
    const clock = '2026-03-02T10:00:00.000Z';
    const server = await mock({ seed: SEED, now: () => new Date(clock) });
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const [room] = await spark.rooms.list().toArray();
    const upload = await spark.messages.create({ roomId: room!.id, text: 'the report', files: { data: new Uint8Array([1, 2, 3]), filename: 'report.csv' } });
    expect(upload).toMatchObject({ text: 'the report', created: clock, files: [expect.stringMatching(new RegExp(`^${server.url}/contents/[\\w-]+$`))] });
    expect(server.requests.at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data/);
    // A message with a file cannot be edited ("Edit a Message": a 400).
    expect(await failureOf(spark.messages.update(upload.id!, { roomId: room!.id!, text: 'the final report' }))).toBeInstanceOf(BadRequestError);

    const received = await receiver();
    await spark.webhooks.create({ name: 'members', targetUrl: received.url, resource: 'memberships', event: 'created' });
    await spark.webhooks.create({ name: 'members gone', targetUrl: received.url, resource: 'memberships', event: 'deleted' });
    const carol = await spark.memberships.create({ roomId: room!.id!, personEmail: 'carol@example.com' });
    expect(carol).toMatchObject({ roomId: room!.id, personEmail: 'carol@example.com', personDisplayName: 'carol', isModerator: false, created: clock });
    expect(await failureOf(spark.memberships.create({ roomId: room!.id!, personEmail: 'carol@example.com' }))).toBeInstanceOf(ConflictError);
    await spark.memberships.delete(carol.id!);
    await server.settled();
    expect(unordered(received.deliveries.map((d) => [envelopeOf(d).event, envelopeOf(d).data.personEmail]))).toEqual(
      unordered([
        ['created', 'carol@example.com'],
        ['deleted', 'carol@example.com'],
      ]),
    );
    expect((await spark.people.list({ email: 'carol@example.com' }).toArray()).map((p) => p.displayName)).toEqual(['carol']);
  });

  it('pages a list bigger than max through Link, newest first, with the client and with fetch', async () => {
    const server = await mock({ seed: PERSON_SEED });
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const [room] = await spark.rooms.list().toArray();
    for (let i = 1; i <= 7; i++) await spark.messages.create({ roomId: room!.id, text: `m${i}` });

    const pages: string[][] = [];
    for await (const page of spark.messages.list({ roomId: room!.id!, max: 3 }).pages()) pages.push(page.items.map((m) => m.text!));
    expect(pages).toEqual([['m7', 'm6', 'm5'], ['m4', 'm3', 'm2'], ['m1']]);

    const seen: string[] = [];
    let next: string | undefined = `${server.url}/messages?roomId=${room!.id}&max=3`;
    while (next) {
      const response: Response = await fetch(next, { headers: { authorization: 'Bearer t' } });
      seen.push(...((await response.json()) as { items: { text: string }[] }).items.map((m) => m.text));
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    }
    expect(seen).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
  });
  it('pages without max as Webex does: 50 messages a page (List Messages’ default), 100 of other lists', async () => {
    const messages = Array.from({ length: 51 }, (_, i) => ({ room: 'Support', text: `m${i + 1}` }));
    const server = await mock({ seed: { ...PERSON_SEED, messages } });
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const [room] = await spark.rooms.list().toArray();
    const sizes: number[] = [];
    for await (const page of spark.messages.list({ roomId: room!.id! }).pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([50, 1]);
    const people = Array.from({ length: 101 }, (_, i) => ({ email: `p${i}@example.com` }));
    const crowded = await mock({ seed: { people } });
    const pages: number[] = [];
    for await (const page of new SparkClient({ accessToken: 't', baseUrl: crowded.url }).people.list({ displayName: 'p' }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([100, 1]);
  });

  it('lists the memberships of the caller’s rooms and the caller’s teams; by person only with a roomId (a 400 without)', async () => {
    const server = await mock();
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const [support] = await bot.rooms.list().toArray();
    const hers = await alice.rooms.create({ title: 'Alice only' });
    await alice.teams.create({ name: 'Alice team' });
    const rooms = (await bot.memberships.list().toArray()).map((m) => m.roomId);
    expect(new Set(rooms)).toEqual(new Set([support!.id]));
    expect((await alice.memberships.list().toArray()).map((m) => m.roomId)).toContain(hers.id);
    expect(await bot.teams.list().toArray()).toEqual([]);
    expect((await alice.teams.list().toArray()).map((t) => t.name)).toEqual(['Alice team']);
    expect(await failureOf(bot.memberships.list({ personEmail: 'alice@example.com' }).toArray())).toBeInstanceOf(BadRequestError);
    expect((await bot.memberships.list({ roomId: support!.id!, personEmail: 'ALICE@example.com' }).toArray()).map((m) => m.personEmail)).toEqual(['alice@example.com']);
  });

  it('lists people for a non-admin only by email, displayName or id (a 403 without), everyone for a seeded admin', async () => {
    const server = await mock({ seed: { ...SEED, people: [...SEED.people!, { email: 'admin@example.com', accessToken: 'admin-token', admin: true }] } });
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const refused = await failureOf(bot.people.list().toArray());
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403, errors: [{ description: 'Only admin is allowed to use this resource.' }] });
    expect((await bot.people.list({ displayName: 'ali' }).toArray()).map((p) => p.emails)).toEqual([['alice@example.com']]);
    const admin = new SparkClient({ accessToken: 'admin-token', baseUrl: server.url, maxRetries: 0 });
    expect(await admin.people.list().toArray()).toHaveLength(3);
  });

  it('Webex’s paging defects on demand: an empty last page, next links without mentionedPeople and with max=null', async () => {
    const server = await mock({ seed: SEED, quirks: { emptyLastPage: true, brokenNextLinks: true } });
    const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
    const [room] = await bot.rooms.list().toArray();
    for (let i = 1; i <= 3; i++) await alice.messages.create({ roomId: room!.id, markdown: `<@personEmail:bot@webex.bot|bot> ${i}` });

    // SparkClient repairs each next link (re-adds mentionedPeople and max) and ends at the empty page.
    const pages: string[][] = [];
    for await (const page of bot.messages.list({ roomId: room!.id!, mentionedPeople: 'me', max: 2 }).pages()) pages.push(page.items.map((m) => m.markdown!.slice(-1)));
    expect(pages).toEqual([['3', '2'], ['1'], []]);

    // Followed as it is, the first next link is refused.
    const auth = { headers: { authorization: 'Bearer bot-token' } };
    const first = await fetch(`${server.url}/messages?roomId=${room!.id}&mentionedPeople=me&max=2`, auth);
    const next = /<([^>]+)>/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    expect(new URL(next).searchParams.get('max')).toBe('null');
    expect(new URL(next).searchParams.has('mentionedPeople')).toBe(false);
    expect((await fetch(next, auth)).status).toBe(400);
  });
});

describe('errors as Webex sends them', () => {
  it('404 with its body, a NotFoundError of the client', async () => {
    const server = await mock();
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const error = await failureOf(spark.rooms.get('Y2lzY29zcGFyazovL3VzL1JPT00vbm9uZQ'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).toMatchObject({ status: 404, errors: [{ description: 'The requested resource could not be found.' }], trackingId: expect.stringMatching(/^ROUTER_/) });

    const response = await fetch(`${server.url}/messages/nope`, { headers: { authorization: 'Bearer t' } });
    const body = (await response.json()) as { trackingId: string };
    expect(response.status).toBe(404);
    expect(body).toEqual({ message: 'The requested resource could not be found.', errors: [{ description: 'The requested resource could not be found.' }], trackingId: expect.stringMatching(/^ROUTER_[0-9A-F-]{36}$/) });
    expect(response.headers.get('trackingid')).toBe(body.trackingId);
  });

  it('400 for a request the spec refuses, in Webex’s shape; a BadRequestError of the client', async () => {
    const server = await mock();
    const spark = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
    const error = await failureOf(spark.rooms.create({ title: 'Locked?', isLocked: 'yes' as unknown as boolean }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as SparkApiError).errors).toEqual([{ description: expect.stringContaining("'isLocked'") }]);

    const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
    const missing = await fetch(`${server.url}/messages`, { method: 'POST', headers });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ message: 'Required request body is missing', errors: [{ description: 'Required request body is missing' }] });
    const noRoom = await fetch(`${server.url}/messages`, { headers });
    expect(noRoom.status).toBe(400);
    expect(((await noRoom.json()) as { message: string }).message).toContain("'roomId'");
    const twoTargets = await fetch(`${server.url}/messages`, { method: 'POST', headers, body: JSON.stringify({ toPersonEmail: 'a@example.com', roomId: 'r', text: 'x' }) });
    expect(twoTargets.status).toBe(400);
    expect(server.state().messages ?? []).toEqual([]);
  });

  it('401 with an empty text/plain body without a token; 429 with Retry-After', async () => {
    const server = await mock({ seed: SEED, accessToken: 'the-token' });
    const bare = await fetch(`${server.url}/people/me`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await bare.text()).toBe('');
    const wrong = await fetch(`${server.url}/people/me`, { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ errors: [{ description: expect.stringContaining('valid access token') }] });
    expect((await fetch(`${server.url}/people/me`, { headers: { authorization: `Bearer ${ALICE_TOKEN}` } })).status).toBe(200);

    server.failNext(429);
    const spark = new SparkClient({ accessToken: 'the-token', baseUrl: server.url, maxRetries: 0 });
    const limited = await failureOf(spark.people.me());
    expect(limited).toBeInstanceOf(SparkRateLimitError);
    expect(limited).toMatchObject({ status: 429, retryAfter: 1, errors: [{ description: expect.stringContaining('rate limited') }] });
    // One 429 was queued: the next request is answered (by fetch: the client would first wait out Retry-After).
    expect((await fetch(`${server.url}/people/me`, { headers: { authorization: 'Bearer the-token' } })).status).toBe(200);
  });
});

describe('state', () => {
  it('two servers at once hold separate state; reset() goes back to the seed', async () => {
    const [one, two] = await Promise.all([mock(), mock()]);
    const first = new SparkClient({ accessToken: 't', baseUrl: one.url, maxRetries: 0 });
    const second = new SparkClient({ accessToken: 't', baseUrl: two.url, maxRetries: 0 });
    const room = await first.rooms.create({ title: 'Only on one' });
    expect(await failureOf(second.rooms.get(room.id!))).toBeInstanceOf(NotFoundError);
    expect((await first.rooms.list().toArray()).map((r) => r.title)).toEqual(['Support', 'Only on one']);
    expect((await second.rooms.list().toArray()).map((r) => r.title)).toEqual(['Support']);

    const seeded = one.state();
    one.reset();
    expect(one.requests).toEqual([]);
    expect(await failureOf(first.rooms.get(room.id!))).toBeInstanceOf(NotFoundError);
    expect((await first.rooms.list().toArray()).map((r) => r.title)).toEqual(['Support']);
    expect(one.state().people?.map((p) => p.emails)).toEqual(seeded.people?.map((p) => p.emails));
  });

  it('starts empty but for "me" without a seed; a seeded thread reads back', async () => {
    const empty = await mock({});
    const spark = new SparkClient({ accessToken: 't', baseUrl: empty.url, maxRetries: 0 });
    expect(await spark.people.me()).toMatchObject({ emails: ['me@example.com'], displayName: 'Mock User', type: 'person' });
    expect(await spark.rooms.list().toArray()).toEqual([]);

    const seeded = await mock({
      seed: {
        ...PERSON_SEED,
        messages: [{ room: 'Support', from: 'alice@example.com', text: 'Q' }, { room: 'Support', text: 'A1', replyTo: 0 }, { room: 'Support', text: 'A2', replyTo: 0 }],
      },
    });
    const bot = new SparkClient({ accessToken: 't', baseUrl: seeded.url, maxRetries: 0 });
    const [room] = await bot.rooms.list().toArray();
    // A seed that names what it does not hold is refused before the mock starts (thrown or rejected alike).
    const starting = (seed: SparkSeed) => Promise.resolve().then(() => startStatefulMock('spark', { seed }));
    await expect(starting({ ...PERSON_SEED, messages: [{ room: 'Nowhere', text: 'x' }] })).rejects.toThrow(ConfigurationError);
    const replyToReply = [{ room: 'Support', text: 'Q' }, { room: 'Support', text: 'A', replyTo: 0 }, { room: 'Support', text: 'B', replyTo: 1 }];
    await expect(starting({ ...PERSON_SEED, messages: replyToReply })).rejects.toThrow(/messages\[2\] replies to messages\[1\], a reply/);
    const [newest] = await bot.messages.list({ roomId: room!.id! }).toArray();
    expect((await bot.messages.thread(newest!.id!).toArray()).map((m) => m.text)).toEqual(['Q', 'A1', 'A2']);
  });
});
