/**
 * The Statuspage stateful mock: a page with its components from the seed, incidents that change their
 * components' statuses, Statuspage's identifiers, timestamps and error bodies, newest incidents first, and the
 * limit of 1 request a second per API key, answered with 420 and `Retry-After` when switched on
 * (https://developer.statuspage.io/#section/Rate-Limiting).
 */
import { createHash } from 'node:crypto';
import { ConfigurationError } from '@apiclients/core';
import { fieldsOf, listRecords } from '../generic-crud.js';
import { specError } from '../spec-errors.js';
import type { StatefulServerOptions } from '../stateful-server.js';
import type { Json } from '../spec-ref.js';
import type { MockCall, VendorProfile } from '../vendor-profile.js';
import { groupDefaults, linkGroupMembers, showGroupAsComponent } from './statuspage/component-groups.js';
import { CLOSED, changeIncident, editIncidentUpdate, openIncident, restoreComponents } from './statuspage/incidents.js';
import { postmortemHandlers } from './statuspage/postmortems.js';
import { countSubscribers, listSubscribers, subscriberDefaults } from './statuspage/subscribers.js';

/** A component of the seed: its name, or its name and status (and whether it is a group). */
export type StatuspageSeedComponent = string | { name: string; status?: string; group?: boolean; description?: string };

/** Seed data of the Statuspage stateful mock. */
export interface StatuspageSeed {
  /** The page's identifier (default `pagemock0001`): the client's `pageId`. */
  pageId?: string;
  /** The page's name (default `Mock Status`). */
  pageName?: string;
  /** The organization's identifier, for `users` (default `orgmock00001`). */
  organizationId?: string;
  /** The page's components, in order (default `API` and `Website`). */
  components?: StatuspageSeedComponent[];
}

/** Options of the Statuspage stateful mock. */
export interface StatuspageMockOptions extends StatefulServerOptions<StatuspageSeed> {
  /** The only API key accepted (default: any key in `Authorization: OAuth <key>`). */
  apiKey?: string;
  /** Refuse requests of a key closer together than a second with 420 and `Retry-After: 1`, not performing them. */
  rateLimit?: boolean;
  /** Resolving an incident puts the components it affected back to `operational` (default `false`: as the API, only the statuses the request gives). */
  restoreOnResolve?: boolean;
}

/** The page's identifier when the seed names none. */
export const STATUSPAGE_MOCK_PAGE_ID = 'pagemock0001';

const LISTS: Record<string, (incident: Json, now: Date) => boolean> = {
  incidents_list_unresolved: (i) => !CLOSED.has(String(i.status)) && i.status !== 'scheduled',
  incidents_list_scheduled: (i) => i.status === 'scheduled',
  incidents_list_upcoming: (i, now) => i.status === 'scheduled' && new Date(String(i.scheduled_for)) > now,
  incidents_list_active_maintenance: (i) => i.status === 'in_progress' || i.status === 'verifying',
};

export function statuspageProfile(options: StatuspageMockOptions): VendorProfile<StatuspageSeed> {
  const lastRequestAt = new Map<string, number>();
  const incidentsFirstNewest = (call: MockCall) => call.store.list('incidents', { page_id: call.params.page_id ?? '' }).reverse();
  const listed = (filter: (incident: Json, now: Date) => boolean) => (call: MockCall) => listRecords(profile, call, incidentsFirstNewest(call).filter((i) => filter(i, call.now())));
  const profile: VendorProfile<StatuspageSeed> = {
    authorize(call) {
      const key = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(String(call.headers.authorization ?? ''))?.[1] ?? call.query.get('api_key');
      if (!key || (options.apiKey !== undefined && key !== options.apiKey)) return specError(call, 401);
      if (options.rateLimit) {
        const now = call.now().getTime();
        const last = lastRequestAt.get(key);
        if (last !== undefined && now - last < 1_000) return { ...specError(call, 429, { message: 'Rate limit exceeded' }, { 'retry-after': '1' }), status: 420 };
        lastRequestAt.set(key, now);
      }
      const pageId = call.params.page_id;
      if (pageId !== undefined && !call.store.get('page', pageId)) return specError(call, 404);
      return undefined;
    },
    create(call, fields) {
      const id = statuspageId(call);
      const at = call.now().toISOString();
      if (call.operation.resource === 'incidents') return openIncident(call, fields, id);
      const base: Json = { ...fields, id, created_at: at, updated_at: at };
      if (call.params.page_id !== undefined) base.page_id = call.params.page_id;
      if (call.operation.resource === 'subscribers') return { ...subscriberDefaults(fields), ...base };
      if (call.operation.resource === 'componentGroups') {
        const group = { ...groupDefaults(call), ...base };
        linkGroupMembers(call, group);
        showGroupAsComponent(call, group);
        return group;
      }
      if (call.operation.resource !== 'components') return base;
      const position = call.store.list('components', { page_id: String(call.params.page_id) }).length + 1;
      return { status: 'operational', description: null, group: false, group_id: null, showcase: true, only_show_if_degraded: false, start_date: null, position, automation_email: `component+${id}@notifications.statuspage.io`, ...base };
    },
    update(call, record, fields) {
      if (call.operation.resource === 'incidents') {
        changeIncident(call, record, fields);
        if (options.restoreOnResolve && CLOSED.has(String(fields.status))) restoreComponents(call, record, fields);
        return record;
      }
      Object.assign(record, fields, { updated_at: call.now().toISOString() });
      if (call.operation.resource === 'componentGroups') {
        linkGroupMembers(call, record);
        showGroupAsComponent(call, record);
      }
      return record;
    },
    after(call, reply) {
      if (call.operation.operationId === 'component_groups_delete') {
        linkGroupMembers(call, reply.body as Json, true);
        showGroupAsComponent(call, reply.body as Json, true);
      }
    },
    handlers: {
      incidents_list: (call) => {
        const q = call.query.get('q')?.toLowerCase();
        const incidents = incidentsFirstNewest(call).filter((i) => !q || String(i.name).toLowerCase().includes(q));
        const query = new URLSearchParams(call.query);
        query.delete('q');
        return listRecords(profile, { ...call, query }, incidents);
      },
      ...Object.fromEntries(Object.entries(LISTS).map(([operationId, filter]) => [operationId, listed(filter)])),
      pages_list: (call) => ({ status: 200, body: call.store.list('page') }),
      subscribers_count: countSubscribers,
      subscribers_list: (call) => listSubscribers(profile, call),
      ...postmortemHandlers,
      // An incident's updates live inside it (`incident_updates`), not as records of their own.
      incident_updates_update: (call) => {
        const update = editIncidentUpdate(call, call.store.get('incidents', call.params.incident_id ?? ''), fieldsOf(call));
        return update ? { status: 200, body: update } : specError(call, 404);
      },
    },
    notFound: (call) => specError(call, 404),
    invalid: (call, problems) => (problems.every((p) => p.startsWith('parameter')) ? specError(call, 400, { message: problems.join('; ') }) : specError(call, 422, { errors: problems })),
    rateLimited: (call, seconds) => specError(call, 429, {}, { 'retry-after': String(seconds) }),
    serverError: (call, seconds) => specError(call, 503, {}, { 'retry-after': String(seconds) }),
    newState: () => (lastRequestAt.clear(), {}),
    seed(call, seed = {}) {
      const pageId = seed.pageId ?? STATUSPAGE_MOCK_PAGE_ID;
      const at = call.now().toISOString();
      call.store.put('page', { id: pageId, name: seed.pageName ?? 'Mock Status', subdomain: pageId, url: null, time_zone: 'Etc/UTC', created_at: at, updated_at: at });
      call.store.put('organization', { id: seed.organizationId ?? 'orgmock00001' });
      (seed.components ?? ['API', 'Website']).forEach((given, i) => {
        const component = typeof given === 'string' ? { name: given } : given;
        if (typeof component.name !== 'string') throw new ConfigurationError(`seed.components[${i}] needs a name`);
        const id = statuspageId(call);
        call.store.put('components', { id, page_id: pageId, name: component.name, description: component.description ?? null, status: component.status ?? 'operational', group: component.group ?? false, group_id: null, position: i + 1, showcase: true, only_show_if_degraded: false, start_date: null, automation_email: `component+${id}@notifications.statuspage.io`, created_at: at, updated_at: at }, { page_id: pageId });
      });
    },
  };
  return profile;
}

/** Statuspage's identifiers are 12 lower-case letters and digits; ours are the same shape, reproducible per server. */
function statuspageId(call: Pick<MockCall, 'newId'>): string {
  return BigInt(`0x${createHash('sha256').update(call.newId('sp')).digest('hex').slice(0, 16)}`).toString(36).padStart(12, '0').slice(-12);
}
