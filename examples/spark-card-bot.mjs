#!/usr/bin/env node
// Example: a Webex card bot, end to end, against the Webex API (by default, the Prism mock `npm start` runs).
// It registers its webhooks, receives a signed messages.created, replies in the thread with a card, receives the
// card's attachmentActions.created, reads the inputs and edits its reply: one line a step. Webex's deliveries are
// played by a local sender that signs them as Webex does. Prism is stateless: each line prints what the mock
// answered (its examples), not what a real Webex would have kept.
// Usage: node examples/spark-card-bot.mjs [baseUrl] — token from WEBEX_ACCESS_TOKEN; BOT_PUBLIC_URL is the URL
// Webex should POST to (default: the local receiver's own URL, which a real Webex could not reach).
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createWebhookHandler, SparkClient } from '@apiclients/spark';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4010';
const spark = new SparkClient({ baseUrl, accessToken: process.env.WEBEX_ACCESS_TOKEN ?? 'example-token' });
const secret = process.env.BOT_WEBHOOK_SECRET ?? randomBytes(20).toString('hex');
const step = (n, text) => console.log(`${n}. ${text}`);

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

let reply; // the bot's reply in the thread, which the card's answer edits
let finished;
const done = new Promise((resolve, reject) => (finished = { resolve, reject }));

const handler = createWebhookHandler({
  secret,
  client: spark,
  on: {
    'messages.created': async (event) => {
      const message = await event.fetch();
      step(3, `received messages.created ${event.data.id}; fetched it: "${message.text?.slice(0, 40)}…"`);
      reply = await spark.messages.create({ roomId: message.roomId, parentId: message.id, markdown: 'Ship release 2.0 on Friday?', attachments: [card] });
      step(4, `replied in the thread of ${message.id} with a card: message ${reply.id} (mock answered parentId ${reply.parentId ?? 'none'})`);
    },
    'attachmentActions.created': async (event) => {
      const action = await event.fetch();
      step(6, `received attachmentActions.created ${event.data.id}; inputs ${JSON.stringify(action.inputs)}`);
      const choice = String(action.inputs?.choice ?? 'no answer');
      const edited = await spark.messages.update(reply.id, { roomId: reply.roomId, markdown: `Ship release 2.0 on Friday? **${choice}**` });
      step(7, `edited the reply ${reply.id}: mock answered message ${edited.id}, markdown "${edited.markdown?.slice(0, 40)}…"`);
      finished.resolve();
    },
  },
  onError: (error) => finished.reject(error),
});

const server = createServer(handler);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${server.address().port}/webex`;
const targetUrl = process.env.BOT_PUBLIC_URL ?? receiverUrl;

try {
  // 1. Registration, idempotent: run the bot twice and the webhooks are updated, not duplicated.
  for (const [resource, event] of [['messages', 'created'], ['attachmentActions', 'created']]) {
    const { action, webhook } = await spark.webhooks.ensure({ name: `card bot ${resource}`, targetUrl, resource, event, secret });
    step(1, `webhook for ${resource}.${event}: ${action}; mock answered ${webhook.id} "${webhook.name}" (${webhook.resource}.${webhook.event}, ${webhook.status})`);
  }
  step(2, `receiving deliveries at ${receiverUrl}`);

  // What Webex does for each event: POST the envelope to the target, signed with the webhook's secret.
  const deliver = async (resource, data) => {
    const body = JSON.stringify({ id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svY2FyZC1ib3Q', name: `card bot ${resource}`, targetUrl, resource, event: 'created', actorId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY', created: new Date().toISOString(), data });
    const signature = createHmac('sha1', secret).update(body).digest('hex');
    const answer = await fetch(receiverUrl, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-spark-signature': signature } });
    if (answer.status !== 200) throw new Error(`the receiver answered ${answer.status} to ${resource}.created`);
  };
  await deliver('messages', { id: 'Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk', roomId: 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0' });
  step(5, 'a user answers the card (Webex sends attachmentActions.created)');
  await deliver('attachmentActions', { id: 'Y2lzY29zcGFyazovL3VzL0FUVEFDSE1FTlRfQUNUSU9OLzljMmI3ZmYwLTFiN2MtMTFmMS1hMWQ3LTMzZjg0Y2RiMmE5ZQ', type: 'submit', messageId: reply?.id });
  await done;
  // A forged delivery (no signature) never reaches the handlers.
  const forged = await fetch(receiverUrl, { method: 'POST', body: '{"resource":"messages","event":"created","data":{"id":"x"}}' });
  step(8, `an unsigned delivery is refused: ${forged.status}`);
} finally {
  server.close();
}
