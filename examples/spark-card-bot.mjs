#!/usr/bin/env node
// npm start: stateful mock {"faults":{"queue":[429]},"seed":{"me":{"email":"cardbot@webex.bot","displayName":"Card Bot","type":"bot"},"people":[{"email":"alice@example.com","displayName":"Alice","accessToken":"alice-example-token"}],"rooms":[{"title":"Release planning","members":["alice@example.com"]}]}}
// Example: a Webex card bot, end to end, against the Webex API (by default, the stateful mock `npm start` runs,
// which keeps the messages and delivers signed webhooks as Webex does). The bot registers its webhooks; a user
// mentions it in a room; it receives the signed messages.created, replies in the thread with a card; the user
// answers the card; the bot receives attachmentActions.created, reads the inputs and answers in the thread (Webex
// does not edit a message that carries a card); the user reads the thread back. One line a step.
// Usage: node examples/spark-card-bot.mjs [baseUrl] — the bot's token from WEBEX_ACCESS_TOKEN, the user's (a
// second account, who plays the person talking to the bot) from WEBEX_USER_TOKEN; BOT_PUBLIC_URL is the URL
// Webex should POST to (default: the local receiver's own URL, which only a local mock can reach).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createWebhookHandler, SparkClient } from '@apiclients/spark';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4010';
// Each attempt the client retries is logged (at `warn`); the example prints it in the line of the call.
const retries = [];
const logger = { debug() {}, warn: (line) => retries.push(line) };
const bot = new SparkClient({ baseUrl, accessToken: process.env.WEBEX_ACCESS_TOKEN ?? 'example-token', logger });
const user = new SparkClient({ baseUrl, accessToken: process.env.WEBEX_USER_TOKEN ?? 'alice-example-token' });
const secret = process.env.BOT_WEBHOOK_SECRET ?? randomBytes(20).toString('hex');
const step = (n, text) => console.log(`${n}. ${text}`);
const afterRetries = () => (retries.length ? ` (after ${retries.splice(0).map((l) => l.match(/\b(4\d\d|5\d\d)\b/)?.[1] ?? 'a failure').join(', ')} and a wait: the client retried)` : '');

const card = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.2',
    body: [
      { type: 'TextBlock', text: 'Ship release 2.0 on Friday?', weight: 'Bolder' },
      { type: 'Input.ChoiceSet', id: 'choice', choices: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] },
      { type: 'Input.Text', id: 'comment', placeholder: 'Anything to add?' },
    ],
    actions: [{ type: 'Action.Submit', title: 'Answer' }],
  },
};

const me = await bot.people.me();
step(1, `the bot is ${me.displayName} <${me.emails?.[0]}>${afterRetries()}`);

let reply; // the bot's reply in the thread, the card the user answers
let finished;
const done = new Promise((resolve, reject) => (finished = { resolve, reject }));

const handler = createWebhookHandler({
  secret,
  client: bot,
  ignoreOwn: true, // Webex tells the bot of its own messages too: the receiver skips them
  on: {
    'messages.created': async (event) => {
      const message = await event.fetch();
      step(4, `received a signed messages.created from ${message.personEmail}: "${message.text}"`);
      reply = await bot.messages.reply(message, { markdown: 'Ship release 2.0 on Friday?', attachments: [card] });
      step(5, `replied in the thread of ${message.id.slice(0, 12)}… with a card`);
    },
    'attachmentActions.created': async (event) => {
      const action = await event.fetch();
      step(7, `received a signed attachmentActions.created; inputs ${JSON.stringify(action.inputs)}`);
      // Not an edit of the card's message: Webex answers 400 to editing a message with a card or a file
      // (developer.webex.com, "Edit a Message"). The answer goes in the card's thread, whose first message is the question.
      const answer = await bot.messages.reply(reply, { markdown: `Shipping release 2.0 on Friday: **${action.inputs?.choice ?? 'no answer'}**` });
      step(8, `answered in the thread: "${answer.markdown}"`);
      finished.resolve();
    },
  },
  onError: (error) => finished.reject(error),
});

const server = createServer(handler);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const targetUrl = process.env.BOT_PUBLIC_URL ?? `http://127.0.0.1:${server.address().port}/webex`;
const timer = setTimeout(() => finished.reject(new Error('no delivery within 30 s: is BOT_PUBLIC_URL reachable from Webex?')), 30_000);

try {
  // Registration, idempotent: run the bot twice and the webhooks are updated, not duplicated.
  for (const [resource, event] of [['messages', 'created'], ['attachmentActions', 'created']]) {
    const { action } = await bot.webhooks.ensure({ name: `card bot ${resource}`, targetUrl, resource, event, secret });
    step(2, `webhook for ${resource}.${event}: ${action}, delivering to ${targetUrl}`);
  }

  // The user, in a room with the bot, mentions it (in a group room Webex tells a bot only of its mentions).
  const [room] = await user.rooms.list({ type: 'group' }).toArray();
  const question = await user.messages.create({ roomId: room.id, markdown: `<@personId:${me.id}|${me.displayName}> can we ship on Friday?` });
  step(3, `the user wrote in "${room.title}": "${question.text}"`);
  while (!reply) await new Promise((resolve) => setTimeout(resolve, 20));

  // The user answers the card.
  await user.attachmentActions.create({ type: 'submit', messageId: reply.id, inputs: { choice: 'yes', comment: 'Ship it' } });
  step(6, 'the user answered the card');
  await done;

  const thread = await user.messages.thread(question.id).toArray();
  step(9, `the thread now reads: ${thread.map((m) => `"${m.markdown ?? m.text}"`).join(' → ')}`);
} finally {
  clearTimeout(timer);
  server.close();
}
