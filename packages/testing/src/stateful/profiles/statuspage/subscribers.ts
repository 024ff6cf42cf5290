/**
 * Statuspage subscribers as the API keeps them: each has a `mode` (how it is notified, from what it was created
 * with), the list takes `type` (a mode) and `q` (text of the email, endpoint or phone number)
 * (https://developer.statuspage.io/#operation/getPagesPageIdSubscribers), and `GET …/subscribers/count` counts
 * the page's subscribers by mode (https://developer.statuspage.io/#operation/getPagesPageIdSubscribersCount).
 */
import { listRecords } from '../../generic-crud.js';
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockReply, VendorProfile } from '../../vendor-profile.js';

const MODES = ['email', 'sms', 'webhook', 'integration_partner', 'slack', 'teams'] as const;

/** The fields a new subscriber has besides those it was created with: its mode and its notification state. */
export function subscriberDefaults(fields: Json): Json {
  // A webhook subscriber gives an `endpoint` (and an `email` alerted when it fails); an SMS one a `phone_number`.
  const mode = fields.endpoint ? 'webhook' : fields.phone_number ? 'sms' : 'email';
  return { mode, skip_confirmation_notification: false, quarantined_at: null, purge_at: null };
}

/** The count of the page's subscribers by mode (of one mode with `type`). */
export function countSubscribers(call: MockCall): MockReply {
  const type = call.query.get('type');
  const subscribers = call.store.list('subscribers', { page_id: call.params.page_id ?? '' });
  const counts: Record<string, number> = Object.fromEntries(MODES.map((mode) => [mode, 0]));
  for (const subscriber of subscribers) {
    const mode = String(subscriber.mode ?? 'email');
    if (type === null || type === mode) counts[mode] = (counts[mode] ?? 0) + 1;
  }
  return { status: 200, body: counts };
}

/** The page's subscribers of `type`, matching `q`, paged as the list pages. */
export function listSubscribers(profile: VendorProfile, call: MockCall): MockReply {
  const type = call.query.get('type');
  const q = call.query.get('q')?.toLowerCase();
  const contact = (s: Json) => [s.email, s.endpoint, s.phone_number].filter((v) => typeof v === 'string').join(' ').toLowerCase();
  const subscribers = call.store
    .list('subscribers', { page_id: call.params.page_id ?? '' })
    .filter((s) => (type === null || (s.mode ?? 'email') === type) && (!q || contact(s).includes(q)));
  const query = new URLSearchParams(call.query);
  for (const key of ['type', 'q', 'state', 'sort_field', 'sort_direction']) query.delete(key);
  return listRecords(profile, { ...call, query }, subscribers);
}
