/**
 * Webhook deliveries as Webex sends them (developer.webex.com/docs/webhooks): for each change of a watched
 * resource that a webhook's owner may see, a POST to the `targetUrl` of every active webhook whose `resource`,
 * `event` and `filter` match, with the webhook's own fields, the `actorId` and in `data` the changed record (a
 * message's ids and metadata, not its text), signed `X-Spark-Signature` = hex HMAC-SHA1 of the raw body keyed
 * with the webhook's secret (../shared/reference/spark/examples/webhook-signature.md).
 */
import { createHmac } from 'node:crypto';
import type { MockCall } from '../../vendor-profile.js';
import type { Json } from '../../spec-ref.js';
import { trackingId } from './spark-ids.js';
import { membershipOf } from './spark-state.js';

/** A change a webhook may be told of. */
interface SparkEvent {
  resource: string;
  event: string;
  actorId: string;
  data: Json;
}

/** The resources and events Webex's webhooks fire on, of those the mock keeps. */
const WATCHED: Record<string, readonly string[]> = {
  messages: ['created', 'updated', 'deleted'],
  memberships: ['created', 'updated', 'deleted'],
  rooms: ['created', 'updated'],
  attachmentActions: ['created'],
};

// A message's delivery carries its ids and metadata, not its text; an attachment action's, not its inputs
// (developer.webex.com/docs/webhooks, "Handling Requests from Webex").
const DATA_FIELDS: Record<string, readonly string[]> = {
  messages: ['id', 'roomId', 'roomType', 'parentId', 'personId', 'personEmail', 'mentionedPeople', 'mentionedGroups', 'files', 'created', 'updated'],
  attachmentActions: ['id', 'type', 'messageId', 'personId', 'roomId', 'created'],
};

const ENVELOPE_FIELDS = ['id', 'name', 'targetUrl', 'resource', 'event', 'filter', 'orgId', 'createdBy', 'appId', 'ownedBy', 'status', 'created'] as const;

/** The changes made while answering each request, delivered once it was answered with a 2xx. */
const pending = new WeakMap<object, SparkEvent[]>();

/** Notes a change of `record` by `actorId` during `call`, when webhooks can watch it. */
export function emit(call: object, resource: string, event: string, record: Json, actorId: string): void {
  if (!WATCHED[resource]?.includes(event)) return;
  const fields = DATA_FIELDS[resource];
  const data = fields ? Object.fromEntries(fields.filter((key) => record[key] !== undefined).map((key) => [key, record[key]])) : record;
  const events = pending.get(call) ?? [];
  events.push({ resource, event, actorId, data: structuredClone(data) });
  pending.set(call, events);
}

/** Sends each change `call` made to the webhooks that match it. */
export function deliverEvents(call: MockCall): void {
  const events = pending.get(call) ?? [];
  pending.delete(call);
  const webhooks = call.store.list('webhooks').filter((webhook) => webhook.status === 'active');
  for (const change of events) {
    for (const webhook of webhooks) {
      if (!matches(webhook, change) || hiddenFrom(call, webhook, change)) continue;
      const envelope: Json = Object.fromEntries(ENVELOPE_FIELDS.filter((key) => webhook[key] !== undefined).map((key) => [key, webhook[key]]));
      Object.assign(envelope, { resource: change.resource, event: change.event, actorId: change.actorId, data: change.data });
      const body = JSON.stringify(envelope);
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', trackingid: trackingId() };
      if (typeof webhook.secret === 'string' && webhook.secret !== '') headers['x-spark-signature'] = createHmac('sha1', webhook.secret).update(body).digest('hex');
      call.deliver(String(webhook.targetUrl), { headers, body });
    }
  }
}

/** Whether `webhook` watches `change`: `all` or the same resource and event, and every `key=value` of its filter. */
function matches(webhook: Json, change: SparkEvent): boolean {
  if (webhook.resource !== 'all' && webhook.resource !== change.resource) return false;
  if (webhook.event !== 'all' && webhook.event !== change.event) return false;
  const filter = new URLSearchParams(typeof webhook.filter === 'string' ? webhook.filter : '');
  for (const [key, raw] of filter) {
    // `mentionedPeople=me` names the webhook's owner (developer.webex.com/docs/webhooks, "Filtering Webhooks").
    const value = raw === 'me' ? String(webhook.createdBy) : raw;
    const actual = change.data[key];
    if (key === 'hasFiles' ? String(Array.isArray(change.data.files) && change.data.files.length > 0) !== value : !holds(actual, value)) return false;
  }
  return true;
}

/**
 * Whether the webhook's owner may not see `change`: a webhook is told only of what its creator could read
 * (developer.webex.com/docs/webhooks: an `org` webhook of everything in the organization), that is the rooms they
 * are in (and their own doings); a bot, of a group room's messages only those that mention it, and its own
 * (developer.webex.com/docs/bots: in group spaces, bots see only the messages in which they are @mentioned).
 */
function hiddenFrom(call: MockCall, webhook: Json, change: SparkEvent): boolean {
  const ownerId = String(webhook.createdBy);
  if (webhook.ownedBy === 'org' || change.data.personId === ownerId) return false;
  const roomId = change.resource === 'rooms' ? change.data.id : change.data.roomId;
  if (typeof roomId === 'string' && !membershipOf(call, roomId, ownerId)) return true;
  if (change.resource !== 'messages' || change.data.roomType !== 'group') return false;
  return call.store.get('people', ownerId)?.type === 'bot' && !holds(change.data.mentionedPeople, ownerId);
}

const holds = (actual: unknown, value: string) => (Array.isArray(actual) ? actual.map(String).includes(value) : actual !== undefined && String(actual) === value);
