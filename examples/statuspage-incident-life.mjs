#!/usr/bin/env node
// Example: an incident's life (open, update, resolve) with the components it affects, against a Statuspage API (by
// default, the Prism mock `npm start` runs, whose answers are the spec's examples).
// Usage: node examples/statuspage-incident-life.mjs [baseUrl] — key and page from STATUSPAGE_API_KEY / STATUSPAGE_PAGE_ID.
import { StatuspageClient } from '@apiclients/statuspage';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4011';
const sp = new StatuspageClient({
  baseUrl,
  apiKey: process.env.STATUSPAGE_API_KEY ?? 'example-key',
  pageId: process.env.STATUSPAGE_PAGE_ID ?? 'kctbh9vrtdwd',
});

// Components by name: the client lists the page's components once and keeps the names.
const incident = await sp.incidents.open({
  name: 'Card payments failing',
  status: 'investigating',
  body: 'Some card payments fail; we are investigating.',
  components: { 'Payments API': 'major_outage' },
});
console.log(`opened incident ${incident.id}: ${incident.name}`);

const update = await sp.incidents.postUpdate(incident.id, { status: 'monitoring', body: 'A fix is deployed.', components: { 'Payments API': 'degraded_performance' } });
console.log(`posted an update; the incident now reads "${update.status}"`);

const resolved = await sp.incidents.resolve(incident.id, 'Payments are back to normal.');
console.log(`resolved incident ${resolved.id}; its components are operational again`);

const component = await sp.components.setStatus('Payments API', 'operational');
console.log(`component ${component.name}: ${component.status}`);
