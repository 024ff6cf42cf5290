#!/usr/bin/env node
// Example: Statuspage components and incidents against a Statuspage API (by default, the Prism mock `npm start` runs).
// Usage: node examples/statuspage-components.mjs [baseUrl] — key and page from STATUSPAGE_API_KEY / STATUSPAGE_PAGE_ID.
import { StatuspageClient } from '@apiclients/statuspage';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4011';
const sp = new StatuspageClient({
  baseUrl,
  apiKey: process.env.STATUSPAGE_API_KEY ?? 'example-key',
  pageId: process.env.STATUSPAGE_PAGE_ID ?? 'kctbh9vrtdwd',
  organizationId: process.env.STATUSPAGE_ORGANIZATION_ID ?? 'example-org',
});

const page = await sp.page.get();
console.log(`page ${page.name} (${page.id})`);
// Lists page by page number until a short page; the mock serves one page.
for await (const component of sp.components.list()) console.log(`component ${component.name}: ${component.status || '(no status)'}`);

// Callers pass attributes; the client adds the { component: … } envelope.
const created = await sp.components.create({ name: 'Checkout API', status: 'operational' });
console.log(`created component ${created.id}`);
const incident = await sp.incidents.createScheduled({
  name: 'Database upgrade',
  scheduled_for: '2026-12-01T02:00:00Z',
  scheduled_until: '2026-12-01T03:00:00Z',
});
console.log(`scheduled incident ${incident.id}: ${incident.name}`);
