/**
 * What an update changes in Webex: only the fields its API lets a PUT change (a webhook's `resource`, `event` and
 * `filter` stay; a message edit replaces its text and Markdown and stamps `updated`).
 */
import { plainTextOf } from './spark-messages.js';
import type { Json } from '../../spec-ref.js';
import type { SparkContext } from './spark-state.js';

const EDITABLE: Record<string, readonly string[]> = {
  rooms: ['title', 'classificationId', 'teamId', 'isLocked', 'isPublic', 'description', 'isAnnouncementOnly', 'isReadOnly'],
  memberships: ['isModerator', 'isRoomHidden'],
  teams: ['name', 'description'],
  teamMemberships: ['isModerator'],
  webhooks: ['name', 'targetUrl', 'secret', 'ownedBy', 'status'],
};

/** `record` with the editable `fields` of its `resource` written over it. */
export function updatedRecord(context: SparkContext, resource: string, record: Json, fields: Json): Json {
  const next: Json = { ...record };
  // developer.webex.com, "Edit a Message": the new text and Markdown replace the old ones, `updated` says when.
  if (resource === 'messages') {
    delete next.text;
    delete next.markdown;
    return { ...next, text: plainTextOf(fields.markdown), ...pick(fields, ['text', 'markdown']), updated: context.now().toISOString() };
  }
  const names = EDITABLE[resource] ?? Object.keys(fields).filter((name) => name !== 'id');
  Object.assign(next, pick(fields, names));
  if (resource === 'people') next.lastModified = context.now().toISOString();
  return next;
}

function pick(fields: Json, names: readonly string[]): Json {
  return Object.fromEntries(names.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]]));
}
