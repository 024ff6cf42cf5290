#!/usr/bin/env node
// Example: VSS request listings against a VSS API (by default, the Prism mock `npm start` runs).
// Usage: node examples/vss-requests.mjs [baseUrl] — the token comes from VSS_API_TOKEN.
import { VssClient } from '@apiclients/vss';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4012';
// Prism accepts any bearer token; the real API wants one from VssClient.login({ username, password }).
const vss = new VssClient({ baseUrl, token: process.env.VSS_API_TOKEN ?? 'example-token' });

const summary = await vss.requests.summary();
console.log('requests per type:', JSON.stringify(summary.data));

// Typed filters and sorts: no string building. The list follows `next_url` to the last page; `for await` over the
// list yields requests, `.pages()` the pages, to show how the list went on.
const failed = vss.requests.list('change', { expand: true, filter: [['status', 'eq', 'ERROR']], sort: ['created_on', 'desc'], per_page: 100 });
for await (const { number, items, nextUrl } of failed.pages()) {
  for (const request of items) console.log(`change #${request.id} ${request.status} on ${request.vm_name ?? '?'}: ${request.attribute} → ${JSON.stringify(request.value)}`);
  const how = number === 1 ? 'first page' : `page ${number}, reached via next_url`;
  const count = `${items.length} ${number === 1 ? '' : 'more '}change request${items.length === 1 ? '' : 's'}`;
  console.log(`${how}: ${count}; ${nextUrl ? 'its next_url leads on' : 'next_url is null: the list ends here'}`);
}

const one = await vss.requests.get('change', 1);
console.log(`change #${one.id} is ${one.status}`);
