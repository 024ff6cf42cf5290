#!/usr/bin/env node
// Example: Webex rooms and messages against the Webex API (by default, the Prism mock `npm start` runs).
// Usage: node examples/spark-rooms.mjs [baseUrl] — the token comes from WEBEX_ACCESS_TOKEN (or SPARK_ACCESS_TOKEN).
import { SparkClient } from '@apiclients/spark';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4010';
const spark = new SparkClient({ baseUrl, accessToken: process.env.WEBEX_ACCESS_TOKEN ?? 'example-token' });

const me = await spark.people.me();
console.log(`signed in as ${me.displayName} <${me.emails?.[0]}>`);
// Every list pages through Link rel="next"; `max` is the page size, `limit` caps the total.
for await (const room of spark.rooms.list({ max: 50 }, { limit: 5 })) console.log(`room ${room.title} (${room.type})`);

const room = await spark.rooms.create({ title: 'apiclients example' });
const text = await spark.messages.create({ roomId: room.id ?? '', markdown: '**Hello** from apiclients' });
console.log(`posted message ${text.id}`);
// A local file or bytes is uploaded as multipart; a URL is sent for Webex to fetch.
const upload = await spark.messages.create({
  roomId: room.id ?? '',
  text: 'a tiny file',
  files: { data: new TextEncoder().encode('hello\n'), filename: 'hello.txt' },
});
console.log(`uploaded ${upload.files?.length ?? 0} file(s) in message ${upload.id}`);
