#!/usr/bin/env node
// Example: VSS request listings against a VSS API (by default, the Prism mock `npm start` runs).
// Usage: node examples/vss-requests.mjs [baseUrl] — the token comes from VSS_API_TOKEN.
import { VssClient } from '@apiclients/vss';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4012';
// Prism accepts any bearer token; the real API wants one from VssClient.login({ username, password }).
const vss = new VssClient({ baseUrl, token: process.env.VSS_API_TOKEN ?? 'example-token' });

const summary = await vss.requests.summary();
console.log('requests per type:', JSON.stringify(summary.data));

// Typed filters and sorts: no string building. The list follows `next_url` to the last page.
const failed = await vss.requests
  .list('change', { expand: true, filter: [['status', 'eq', 'ERROR']], sort: ['created_on', 'desc'], per_page: 100 })
  .toArray();
for (const request of failed) console.log(`change #${request.id} ${request.status} on ${request.vm_name ?? '?'}: ${request.attribute} → ${JSON.stringify(request.value)}`);

const one = await vss.requests.get('change', 1);
console.log(`change #${one.id} is ${one.status}`);
