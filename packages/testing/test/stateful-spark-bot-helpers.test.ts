/**
 * The helpers every Webex bot used to write by hand, against the stateful Webex mock and its signed deliveries:
 * `messages.reply` (in the thread of any message, a reply's included), the receiver's `ignoreOwn` (a bot is not
 * handed what it caused itself, but is handed being added to a room), and `textWithoutMention` on the text Webex
 * gives a message that mentions the bot.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadRequestError, ConfigurationError } from '@apiclients/core';
import { createWebhookHandler, SparkClient, textWithoutMention, type ReceivedWebhookEvent, type WebhookHandlerOptions } from '@apiclients/spark';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatefulMock } from '../src/stateful/start-stateful-mock.js';
import type { StatefulMockServer } from '../src/stateful/stateful-server.js';
import type { SparkSeed } from '../src/stateful/profiles/spark.js';

const SECRET = 'bot-helpers-secret';
const ALICE_TOKEN = 'alice-token';
const SEED: SparkSeed = {
  me: { email: 'echo@webex.bot', displayName: 'Echo Bot', type: 'bot' },
  people: [{ email: 'alice@example.com', displayName: 'Alice', accessToken: ALICE_TOKEN }],
  rooms: [{ title: 'Support', members: ['alice@example.com'] }],
};
const MENTION = '<@personEmail:echo@webex.bot|Echo Bot>';

const open: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((running) => running.stop()));
});

async function start(): Promise<{ server: StatefulMockServer; bot: SparkClient; alice: SparkClient; roomId: string }> {
  const server = await startStatefulMock('spark', { seed: SEED });
  open.push(server);
  const bot = new SparkClient({ accessToken: 'bot-token', baseUrl: server.url, maxRetries: 0 });
  const alice = new SparkClient({ accessToken: ALICE_TOKEN, baseUrl: server.url, maxRetries: 0 });
  const [room] = await bot.rooms.list().toArray();
  return { server, bot, alice, roomId: room!.id! };
}

/** The Node receiver on 127.0.0.1, keeping each delivery's status. */
async function serve(options: WebhookHandlerOptions): Promise<{ url: string; statuses: number[] }> {
  const handler = createWebhookHandler(options);
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    res.on('finish', () => statuses.push(res.statusCode));
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ stop: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webex`, statuses };
}

const failureOf = (call: Promise<unknown>) => call.then(() => undefined, (error: unknown) => error);
const peopleMe = (server: StatefulMockServer) => server.requests.filter((r) => r.operationId === 'people_me').length;

describe('messages.reply', () => {
  it('answers in the thread of a message, of a reply (under the thread’s first message), and of a webhook’s event.data', async () => {
    const { server, bot, alice, roomId } = await start();
    const question = await alice.messages.create({ roomId, markdown: `${MENTION} release 2.0?` });
    const answer = await bot.messages.reply(question, { markdown: 'On **Friday**' });
    expect(answer).toMatchObject({ roomId, parentId: question.id, markdown: 'On **Friday**' });
    // A reply to a reply: by hand, `parentId: answer.id` is refused (threads are one level deep).
    expect(await failureOf(bot.messages.create({ roomId, parentId: answer.id, text: 'nested' }))).toBeInstanceOf(BadRequestError);
    const again = await bot.messages.reply(answer, { text: 'or Monday' });
    expect(again).toMatchObject({ roomId, parentId: question.id, text: 'or Monday' });
    // The IDs a delivery's data carries are enough: no fetch of the message first.
    const data: ReceivedWebhookEvent<'messages', 'created'>['data'] = { id: answer.id!, roomId, parentId: answer.parentId! };
    const { data: third, response } = await bot.messages.reply(data, { text: 'noted' }).withResponse();
    expect(third).toMatchObject({ parentId: question.id });
    expect(response.status).toBe(200);
    expect((await alice.messages.thread(question.id!).toArray()).map((m) => m.text)).toEqual(['Echo Bot release 2.0?', 'On Friday', 'or Monday', 'noted']);
    const posted = server.requests.filter((r) => r.operationId === 'messages_create').at(-1);
    expect(posted?.body).toEqual({ text: 'noted', roomId, parentId: question.id });
  });

  it('refuses a message without its id or room before any request, and ignores a roomId or parentId slipped into params', async () => {
    const { server, bot, roomId } = await start();
    const before = server.requests.length;
    expect(await failureOf(bot.messages.reply({ roomId }, { text: 'x' }))).toBeInstanceOf(ConfigurationError);
    expect(await failureOf(bot.messages.reply({ id: 'm1' }, { text: 'x' }))).toBeInstanceOf(ConfigurationError);
    expect(server.requests.length).toBe(before);
    const parent = await bot.messages.create({ roomId, text: 'parent' });
    const sneaked = await bot.messages.reply(parent, { text: 'child', ...({ roomId: 'elsewhere', parentId: 'other' } as object) });
    expect(sneaked).toMatchObject({ roomId, parentId: parent.id });
  });
});

describe('createWebhookHandler({ ignoreOwn })', () => {
  it('hands the bot what others caused, never what it caused itself: no answer to its own answers', async () => {
    const { server, bot, alice, roomId } = await start();
    const me = await bot.people.me();
    const aliceId = (await alice.people.me()).id;
    const handled: { resource: string; actorId: string | undefined; command?: string }[] = [];
    const receiver = await serve({
      secret: SECRET,
      client: bot,
      ignoreOwn: true,
      on: {
        // The echo bot every Webex bot starts as: it would answer its own answers without ignoreOwn.
        'messages.created': async (event) => {
          const message = await event.fetch();
          const command = textWithoutMention(message, me);
          handled.push({ resource: event.resource, actorId: event.actorId, command });
          await bot.messages.reply(event.data, { text: `you said: ${command}` });
        },
        'memberships.created': (event) => {
          handled.push({ resource: event.resource, actorId: event.actorId });
        },
      },
      onError: (error) => {
        throw error;
      },
    });
    for (const resource of ['messages', 'memberships'] as const) {
      await bot.webhooks.create({ name: `echo ${resource}`, targetUrl: receiver.url, resource, event: 'created', secret: SECRET });
    }
    const asked = peopleMe(server);

    await alice.messages.create({ roomId, markdown: `${MENTION} status` });
    await server.settled(); // the bot's answer included, delivered in turn
    // A room Alice makes and adds the bot to: the bot's membership (its personId) is Alice's doing, handed over.
    const room = await alice.rooms.create({ title: 'Release' });
    await alice.memberships.create({ roomId: room.id!, personId: me.id! });
    // A room the bot makes itself: its own membership is its own doing, not handed over.
    await bot.rooms.create({ title: 'Bot notes' });
    await server.settled();

    expect(handled).toEqual([
      { resource: 'messages', actorId: aliceId, command: 'status' },
      { resource: 'memberships', actorId: aliceId },
    ]);
    // The bot's answer and its own membership were delivered too, answered 200 without a handler call.
    expect(receiver.statuses).toEqual([200, 200, 200, 200]);
    // Who the bot is was asked once, for all four deliveries.
    expect(peopleMe(server) - asked).toBe(1);
    const thread = await alice.messages.thread((await alice.messages.list({ roomId }).toArray()).at(-1)!.id!).toArray();
    expect(thread.map((m) => m.text)).toEqual(['Echo Bot status', 'you said: status']);
  });

  it('without ignoreOwn, the same bot is handed its own answer', async () => {
    const { server, bot, alice, roomId } = await start();
    const seen: string[] = [];
    const receiver = await serve({ secret: SECRET, client: bot, on: { 'messages.created': async (event) => void seen.push((await event.fetch()).text ?? '') } });
    await bot.webhooks.create({ name: 'echo', targetUrl: receiver.url, resource: 'messages', event: 'created', secret: SECRET });
    const question = await alice.messages.create({ roomId, markdown: `${MENTION} status` });
    await bot.messages.reply(question, { text: 'fine' });
    await server.settled();
    expect(seen.sort()).toEqual(['Echo Bot status', 'fine']);
  });
});

describe('textWithoutMention on the text Webex gives', () => {
  it('drops the bot’s name a mention shows, keeps what is not its mention', async () => {
    const { bot, alice, roomId } = await start();
    const me = await bot.people.me();
    const mentioned = await alice.messages.create({ roomId, markdown: `${MENTION} deploy **now**` });
    const shortened = await alice.messages.create({ roomId, markdown: '<@personEmail:echo@webex.bot|Echo> deploy', text: 'Echo deploy' });
    const other = await alice.messages.create({ roomId, markdown: '<@personEmail:alice@example.com|Alice> deploy' });
    const plain = await alice.messages.create({ roomId, text: 'Echo Bot is down' });
    const read = async (id: string) => textWithoutMention(await alice.messages.get(id), me);
    expect(await read(mentioned.id!)).toBe('deploy now');
    expect(await read(shortened.id!)).toBe('deploy');
    expect(await read(other.id!)).toBe('Alice deploy');
    expect(await read(plain.id!)).toBe('Echo Bot is down');
  });
});
