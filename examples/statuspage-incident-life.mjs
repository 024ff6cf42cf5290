#!/usr/bin/env node
// npm start: stateful mock {"rateLimit":true,"seed":{"pageId":"kctbh9vrtdwd","components":["Payments API","Checkout","Website"]}}
// Example: an incident's life (open, update, resolve) and the components it affects, against a Statuspage API (by
// default, the stateful mock `npm start` runs: it keeps the incident, sets the components' statuses as Statuspage
// does, and refuses a second request within a second with 420 and Retry-After, as Statuspage does).
// Usage: node examples/statuspage-incident-life.mjs [baseUrl] — key and page from STATUSPAGE_API_KEY / STATUSPAGE_PAGE_ID.
import { StatuspageClient } from '@apiclients/statuspage';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4011';
// Each attempt refused by the rate limit is logged by the client (at `warn`); the example prints it as a line.
const retries = [];
const sp = new StatuspageClient({
  baseUrl,
  apiKey: process.env.STATUSPAGE_API_KEY ?? 'example-key',
  pageId: process.env.STATUSPAGE_PAGE_ID ?? 'kctbh9vrtdwd',
  logger: { debug() {}, warn: (line) => retries.push(line) },
});
const statuses = async () => (await sp.components.list().toArray()).map((c) => `${c.name}: ${c.status}`).join(', ');
const afterRetries = () => (retries.length ? ` (after ${retries.splice(0).map((l) => l.match(/\b(4\d\d|5\d\d)\b/)?.[1] ?? 'a refusal').join(', ')} and a wait: the client retried)` : '');

// Components by name: the client lists the page's components once and keeps the names.
const incident = await sp.incidents.open({
  name: 'Card payments failing',
  status: 'investigating',
  body: 'Some card payments fail; we are investigating.',
  components: { 'Payments API': 'major_outage', Checkout: 'degraded_performance' },
});
console.log(`opened incident ${incident.id} "${incident.name}", impact ${incident.impact}${afterRetries()}`);
console.log(`components now: ${await statuses()}${afterRetries()}`);

const update = await sp.incidents.postUpdate(incident.id, { status: 'monitoring', body: 'A fix is deployed.', components: { 'Payments API': 'degraded_performance' } });
console.log(`posted an update; the incident now reads "${update.status}"${afterRetries()}`);

const resolved = await sp.incidents.resolve(incident.id, 'Payments are back to normal.');
console.log(`resolved incident ${resolved.id} with ${resolved.incident_updates?.length ?? 0} updates${afterRetries()}`);
console.log(`components now: ${await statuses()}${afterRetries()}`);
