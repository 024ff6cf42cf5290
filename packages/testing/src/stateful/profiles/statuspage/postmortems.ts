/**
 * An incident's postmortem as Statuspage keeps it: one per incident, written as a draft (`PUT …/postmortem`),
 * published (the draft becomes the body, and the incident shows it in `postmortem_body` and
 * `postmortem_published_at`), taken back to draft, or deleted (https://developer.statuspage.io/#tag/Incident-Postmortem).
 */
import { fieldsOf } from '../../generic-crud.js';
import { specError } from '../../spec-errors.js';
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockHandler, MockReply } from '../../vendor-profile.js';

const RESOURCE = 'postmortems';

/** The handlers of the five postmortem operations, by operationId. */
export const postmortemHandlers: Record<string, MockHandler> = {
  postmortems_get: (call) => withPostmortem(call, (postmortem) => answer(postmortem)),
  postmortems_create: (call) =>
    withIncident(call, (incident) => {
      const at = call.now().toISOString();
      const postmortem = call.store.get(RESOURCE, String(incident.id)) ?? newPostmortem(call, incident, at);
      Object.assign(postmortem, { body_draft: fieldsOf(call).body_draft, body_draft_updated_at: at, updated_at: at });
      call.store.put(RESOURCE, postmortem);
      return answer(postmortem);
    }),
  postmortems_publish: (call) =>
    withPostmortem(call, (postmortem, incident) => {
      const at = call.now().toISOString();
      const { notify_subscribers = false, notify_twitter = false, custom_tweet = null } = fieldsOf(call);
      Object.assign(postmortem, { body: postmortem.body_draft, body_updated_at: at, published_at: at, notify_subscribers, notify_twitter, custom_tweet, updated_at: at });
      Object.assign(incident, {
        postmortem_body: postmortem.body,
        postmortem_body_last_updated_at: at,
        postmortem_published_at: at,
        postmortem_notified_subscribers: notify_subscribers,
        postmortem_notified_twitter: notify_twitter,
      });
      return answer(postmortem);
    }),
  postmortems_revert: (call) =>
    withPostmortem(call, (postmortem, incident) => {
      Object.assign(postmortem, { published_at: null, updated_at: call.now().toISOString() });
      Object.assign(incident, { postmortem_body: null, postmortem_published_at: null });
      return answer(postmortem);
    }),
  postmortems_delete: (call) =>
    withPostmortem(call, (postmortem, incident) => {
      call.store.delete(RESOURCE, String(postmortem.id));
      Object.assign(incident, { postmortem_body: null, postmortem_body_last_updated_at: null, postmortem_published_at: null });
      return { status: 204 };
    }),
};

/** The postmortem as the API answers it: without the `id` the store keys it by (its incident's). */
function answer({ id: _id, ...postmortem }: Json): MockReply {
  return { status: 200, body: postmortem };
}

function newPostmortem(call: MockCall, incident: Json, at: string): Json {
  return { id: incident.id, preview_key: call.newId('pm').replace(/\W/g, '').slice(-10), body: null, body_updated_at: null, body_draft: '', body_draft_updated_at: at, published_at: null, notify_subscribers: false, notify_twitter: false, custom_tweet: null, created_at: at, updated_at: at };
}

function withIncident(call: MockCall, then: (incident: Json) => MockReply): MockReply {
  const incident = call.store.get('incidents', call.params.incident_id ?? '');
  return incident ? then(incident) : specError(call, 404);
}

function withPostmortem(call: MockCall, then: (postmortem: Json, incident: Json) => MockReply): MockReply {
  return withIncident(call, (incident) => {
    const postmortem = call.store.get(RESOURCE, String(incident.id));
    return postmortem ? then(postmortem, incident) : specError(call, 404);
  });
}
