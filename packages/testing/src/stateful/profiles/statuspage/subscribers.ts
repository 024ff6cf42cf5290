/**
 * Statuspage subscribers as the API keeps them: each has a `mode` (how it is notified, from what it was created
 * with), and `GET …/subscribers/count` counts the page's subscribers by mode
 * (https://developer.statuspage.io/#operation/getPagesPageIdSubscribersCount).
 */
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockReply } from '../../vendor-profile.js';

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
