#!/usr/bin/env node
// Example: Webex rooms and messages against the Webex API (by default, the Prism mock `npm start` runs).
// Usage: node examples/spark-rooms.mjs [baseUrl] — the token comes from WEBEX_ACCESS_TOKEN (or SPARK_ACCESS_TOKEN).
import { NotFoundError, SparkClient } from '@apiclients/spark';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4010';
const spark = new SparkClient({ baseUrl, accessToken: process.env.WEBEX_ACCESS_TOKEN ?? 'example-token' });

const me = await spark.people.me();
console.log(`signed in as ${me.displayName} <${me.emails?.[0]}>`);
// Every list pages through Link rel="next"; `max` is the page size, `limit` caps the total. `for await` over the
// list yields rooms; `.pages()` yields the pages, to show how the list went on.
for await (const page of spark.rooms.list({ max: 50 }, { limit: 5 }).pages()) {
  for (const room of page.items) console.log(`room ${room.title} (${room.type})`);
  console.log(pageLine(page));
}

// A typed error: each status has its class (NotFoundError, AuthenticationError, RateLimitError, …), with Webex's
// tracking id. `Prefer: code=404` makes the Prism mock answer 404; a real Webex ignores the header.
const unknownRoom = 'Y2lzY29zcGFyazovL3VzL1JPT00vZ29uZQ';
try {
  await spark.rooms.get(unknownRoom, { headers: { Prefer: 'code=404' } });
  console.log(`rooms.get('${unknownRoom}') found a room`);
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.log(`rooms.get('${unknownRoom}') → ${error.name} ${error.status} "${error.errors[0]?.description}" (tracking id ${error.trackingId})`);
}

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

/** What one page of a list was, and how the list goes on from it. */
function pageLine({ number, items, nextUrl }) {
  const rooms = `${items.length} ${number === 1 ? '' : 'more '}room${items.length === 1 ? '' : 's'}`;
  const how = number === 1 ? 'first page' : `page ${number}, reached via Link rel="next"`;
  const then = nextUrl ? 'its Link rel="next" leads on' : 'no next link: the list ends here (Webex may end on an empty page)';
  return `${how}: ${rooms}; ${then}`;
}
