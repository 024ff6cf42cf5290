/**
 * `webhooks.ensure`: the idempotent registration a bot runs at every start. Webex lets `PUT /webhooks/{id}` change
 * only `name`, `targetUrl`, `secret` and `status` (developer.webex.com, "Update a Webhook"), so a webhook whose
 * `resource`, `event` or `filter` differ is deleted and created again. Webex keeps every webhook it is sent, so a
 * bot that once created its webhook at each start has several with the same name and target, each delivering every
 * event: ensure keeps one and deletes the others.
 */
import type { CallOptions } from '@apiclients/core';
import type { components } from './generated.js';

type Schemas = components['schemas'];
type Webhook = Schemas['Webhook'];

/** What `webhooks.ensure` takes: a new webhook's fields. */
export type EnsureWebhookInput = Schemas['WebhookCreate'];

/** The webhook operations `ensure` uses. */
export interface WebhookCalls {
  list(params?: { max?: number }, options?: CallOptions): AsyncIterable<Webhook>;
  create(params: Schemas['WebhookCreate'], options?: CallOptions): Promise<Webhook>;
  update(webhookId: string, params: Schemas['WebhookUpdate'], options?: CallOptions): Promise<Webhook>;
  delete(webhookId: string, options?: CallOptions): Promise<unknown>;
}

/** What `webhooks.ensure` did, and the webhook as Webex now has it. */
export interface EnsuredWebhook {
  /** `created` (none had this name and target), `updated` (one had; secret and status set), `replaced` (its resource, event or filter differed). */
  action: 'created' | 'updated' | 'replaced';
  webhook: Webhook;
  /** How many other webhooks of the same name and target were deleted (each delivered every event again). */
  duplicatesDeleted: number;
}

/** Creates the webhook, or updates (or replaces) the one with the same `name` and `targetUrl`. */
export async function ensureWebhook(calls: WebhookCalls, wanted: EnsureWebhookInput, options?: CallOptions): Promise<EnsuredWebhook> {
  const same: Webhook[] = [];
  for await (const webhook of calls.list({ max: 100 }, options)) {
    if (webhook.id && webhook.name === wanted.name && webhook.targetUrl === wanted.targetUrl) same.push(webhook);
  }
  // The one kept is one whose events are the wanted ones, when there is one (it is updated, not replaced).
  const sameEvents = (webhook: Webhook) => webhook.resource === wanted.resource && webhook.event === wanted.event && (webhook.filter ?? '') === (wanted.filter ?? '');
  const existing = same.find(sameEvents) ?? same[0];
  for (const duplicate of same) if (duplicate !== existing) await calls.delete(duplicate.id!, options);
  const duplicatesDeleted = Math.max(0, same.length - 1);
  if (!existing?.id) return { action: 'created', webhook: await calls.create(wanted, options), duplicatesDeleted };
  if (!sameEvents(existing)) {
    await calls.delete(existing.id, options);
    return { action: 'replaced', webhook: await calls.create(wanted, options), duplicatesDeleted };
  }
  const update: Schemas['WebhookUpdate'] = { name: wanted.name, targetUrl: wanted.targetUrl, status: 'active' };
  if (wanted.secret !== undefined) update.secret = wanted.secret;
  if (wanted.ownedBy !== undefined) update.ownedBy = wanted.ownedBy;
  return { action: 'updated', webhook: await calls.update(existing.id, update, options), duplicatesDeleted };
}
