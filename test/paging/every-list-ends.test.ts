/**
 * Our own clients page through every list of every mock to the end, without take(): the mocks' next links lead to
 * a last page (packages/testing: the front answers a later page with the list's `lastPage` example). Every paged
 * operation of every spec is in the table below, which a test checks against the generated operation tables.
 */
import { describe, expect, inject, it } from 'vitest';
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VssClient } from '@apiclients/vss';
import { operationTable as sparkTable } from '../../generated/spark/operations.js';
import { operationTable as statuspageTable } from '../../generated/statuspage/operations.js';
import { operationTable as vssTable } from '../../generated/vss/operations.js';

interface Pages {
  pages(): AsyncIterable<{ items: unknown[]; nextUrl: string | null }>;
}

const urls = inject('prism');
const spark = new SparkClient({ baseUrl: urls.spark as string, accessToken: 'paging-test-token' });
const sp = new StatuspageClient({ baseUrl: urls.statuspage as string, apiKey: 'paging-test-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1' });
const vss = new VssClient({ baseUrl: urls.vss as string, token: 'paging-test-token' });

// Every paged list, by `resource.method` of the operation table, and how to call it.
const LISTS: Record<string, Record<string, () => Pages>> = {
  spark: {
    'people.list': () => spark.people.list({ displayName: 'Harold' }),
    'rooms.list': () => spark.rooms.list(),
    'memberships.list': () => spark.memberships.list({ roomId: 'r1' }),
    'messages.list': () => spark.messages.list({ roomId: 'r1' }),
    'teams.list': () => spark.teams.list(),
    'teamMemberships.list': () => spark.teamMemberships.list({ teamId: 't1' }),
    'webhooks.list': () => spark.webhooks.list(),
    'organizations.list': () => spark.organizations.list(),
    'licenses.list': () => spark.licenses.list(),
    'roles.list': () => spark.roles.list(),
    'events.list': () => spark.events.list(),
  },
  statuspage: {
    'components.list': () => sp.components.list(),
    'incidents.list': () => sp.incidents.list(),
    'incidents.listUnresolved': () => sp.incidents.listUnresolved(),
    'incidents.listScheduled': () => sp.incidents.listScheduled(),
    'incidents.listUpcoming': () => sp.incidents.listUpcoming(),
    'incidents.listActiveMaintenance': () => sp.incidents.listActiveMaintenance(),
    'subscribers.list': () => sp.subscribers.list(),
    'metrics.listForProvider': () => sp.metrics.listForProvider('mp1'),
    'users.list': () => sp.users.list(),
  },
  vss: {
    'requests.list': () => vss.requests.list('change', { expand: true }),
  },
};

type Entry = { resource: string; method: string; pagination?: unknown; params?: readonly { name: string; in?: string; required?: boolean }[] };
const TABLES: Record<string, Record<string, Entry>> = { spark: sparkTable, statuspage: statuspageTable, vss: vssTable };
const CLIENTS: Record<string, unknown> = { spark, statuspage: sp, vss };
// Path parameters the clients fill in themselves.
const CLIENT_PARAMS = new Set(['page_id', 'organization_id']);

// Every other paged operation, called as the table lays it out: an identifier for each path parameter the caller
// passes, and a value for each required query parameter.
for (const [vendor, table] of Object.entries(TABLES)) {
  for (const entry of Object.values(table).filter((e) => e.pagination)) {
    const name = `${entry.resource}.${entry.method}`;
    if (LISTS[vendor]![name]) continue;
    const params = entry.params ?? [];
    const path = params.filter((p) => p.in === 'path' && !CLIENT_PARAMS.has(p.name)).map((p) => `${p.name}-1`);
    const query = Object.fromEntries(params.filter((p) => p.in !== 'path' && p.required).map((p) => [p.name, `${p.name}-1`]));
    const resource = (CLIENTS[vendor] as Record<string, Record<string, (...args: unknown[]) => Pages>>)[entry.resource]!;
    LISTS[vendor]![name] = () => resource[entry.method]!(...path, ...(Object.keys(query).length ? [query] : []));
  }
}

/** Every page of a list, to the end; fails rather than loops if the mock's pages never end. */
async function allPages(list: Pages): Promise<{ items: unknown[]; nextUrl: string | null }[]> {
  const pages = [];
  for await (const page of list.pages()) {
    pages.push(page);
    if (pages.length > 10) throw new Error('More than 10 pages: the mock does not end this list');
  }
  return pages;
}

describe.each(Object.keys(LISTS))('%s', (vendor) => {
  it('the table holds every paged operation of the spec', () => {
    const paged = Object.values(TABLES[vendor]!).filter((entry) => entry.pagination).map((entry) => `${entry.resource}.${entry.method}`);
    expect(Object.keys(LISTS[vendor]!).sort()).toEqual(paged.sort());
  });

  it.each(Object.keys(LISTS[vendor]!))('%s pages to the end and stops', async (name) => {
    const pages = await allPages(LISTS[vendor]![name]!());
    expect(pages.at(-1)!.nextUrl).toBeNull();
    expect(pages[0]!.items.length).toBeGreaterThan(0);
    // Spark and VSS link on from the first page to a last one; Statuspage's first page is shorter than a page.
    if (vendor !== 'statuspage') expect(pages).toHaveLength(2);
  });
});

it('statuspage: a full first page asks for the next one, which is empty and ends the list', async () => {
  const [first] = await allPages(sp.components.list());
  const pages = await allPages(sp.components.list({ per_page: first!.items.length }));
  expect(pages.map((page) => page.items.length)).toEqual([first!.items.length, 0]);
});
