/**
 * The Webex lists whose filters are not a record field each: people by email, name prefix or ids; the rooms the
 * caller is in, the memberships of those rooms, their teams and their own webhooks; a room's messages newest first, a thread's replies, the caller's mentions;
 * the messages of a 1:1 room. They page as every Webex list does (spark-pages.ts).
 */
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockReply } from '../../vendor-profile.js';
import { SPARK_MESSAGES, sparkError } from './spark-errors.js';
import { sparkPage } from './spark-pages.js';
import { callerOf, directRoomOf, membershipOf, personByEmail, stateOf } from './spark-state.js';

type Filter = (record: Json) => boolean;

/** Keeps the records every filter keeps; a filter for a parameter the request did not send keeps all. */
const where = (records: Json[], filters: (Filter | undefined)[]) => records.filter((record) => filters.every((keep) => keep?.(record) ?? true));
const when = (value: string | null, filter: (value: string) => Filter): Filter | undefined => (value === null ? undefined : filter(value));

/**
 * `GET /people`: `email` exactly, `displayName` as a prefix, `id` as a comma-separated list, `orgId`. "For most users,
 * either the `email` or `displayName` parameter is required. Admin users can omit these fields" (List People); a
 * non-admin's unfiltered list is Webex's 403 (../shared/reference/spark/examples/error-403-admin-only.json).
 */
export function listPeople(call: MockCall): MockReply {
  const q = call.query;
  const filtered = ['email', 'displayName', 'id'].some((name) => q.has(name));
  if (!filtered && !stateOf(call).admins.includes(String(callerOf(call).id))) return sparkError(403, SPARK_MESSAGES.adminOnly);
  return sparkPage(
    call,
    where(call.store.list('people'), [
      when(q.get('email'), (email) => (p) => ((p.emails as string[] | undefined) ?? []).some((e) => e.toLowerCase() === email.toLowerCase())),
      when(q.get('displayName'), (name) => (p) => String(p.displayName ?? '').toLowerCase().startsWith(name.toLowerCase())),
      when(q.get('id'), (ids) => (p) => ids.split(',').includes(String(p.id))),
      when(q.get('orgId'), (orgId) => (p) => p.orgId === orgId),
    ]),
  );
}

/** `GET /webhooks`: the caller's own webhooks (developer.webex.com, "List Webhooks"), by `ownedBy`. */
export function listWebhooks(call: MockCall): MockReply {
  const caller = String(callerOf(call).id);
  return sparkPage(call, where(call.store.list('webhooks'), [(webhook) => webhook.createdBy === caller, when(call.query.get('ownedBy'), (ownedBy) => (webhook) => webhook.ownedBy === ownedBy)]));
}

/**
 * `GET /memberships`: "By default, lists memberships for rooms to which the authenticated user belongs" (List
 * Memberships); by `roomId`, `personId` or `personEmail`, which need `roomId` ("The `roomId` parameter is required
 * when using these parameters": a 400, the wording the mock's own).
 */
export function listMemberships(call: MockCall): MockReply {
  const q = call.query;
  const roomId = q.get('roomId');
  if (roomId === null && (q.has('personId') || q.has('personEmail'))) return sparkError(400, 'roomId is required when listing memberships by personId or personEmail.');
  const caller = String(callerOf(call).id);
  return sparkPage(
    call,
    where(call.store.list('memberships'), [
      roomId === null ? (m) => membershipOf(call, String(m.roomId), caller) !== undefined : (m) => m.roomId === roomId,
      when(q.get('personId'), (personId) => (m) => m.personId === personId),
      when(q.get('personEmail'), (email) => (m) => String(m.personEmail ?? '').toLowerCase() === email.toLowerCase()),
    ]),
  );
}

/** `GET /teams`: "Lists teams to which the authenticated user belongs" (List Teams). */
export function listTeams(call: MockCall): MockReply {
  const caller = String(callerOf(call).id);
  const memberOf = new Set(call.store.list('teamMemberships').filter((m) => m.personId === caller).map((m) => m.teamId));
  return sparkPage(call, where(call.store.list('teams'), [(team) => memberOf.has(team.id)]));
}

/** `GET /rooms`: the rooms the caller is a member of, by `teamId` and `type`, sorted by `sortBy` (newest first). */
export function listRooms(call: MockCall): MockReply {
  const q = call.query;
  const caller = String(callerOf(call).id);
  const rooms = where(call.store.list('rooms'), [
    (room) => membershipOf(call, String(room.id), caller) !== undefined,
    when(q.get('teamId'), (teamId) => (room) => room.teamId === teamId),
    when(q.get('type'), (type) => (room) => room.type === type),
  ]);
  const sortBy = q.get('sortBy');
  const key = sortBy === 'lastactivity' ? 'lastActivity' : sortBy === 'created' ? 'created' : undefined;
  if (key) rooms.reverse().sort((a, b) => String(b[key]).localeCompare(String(a[key])));
  return sparkPage(call, rooms.map((room) => roomSeenBy(call, room)));
}

/**
 * A room as the caller sees it: "The `title` of the room for 1:1 rooms will be the display name of the other person"
 * (Get Room Details), whichever of the two asks.
 */
export function roomSeenBy(call: MockCall, room: Json): Json {
  if (room.type !== 'direct') return room;
  const caller = String(callerOf(call).id);
  const other = call.store.list('memberships').find((m) => m.roomId === room.id && m.personId !== caller);
  const name = other && call.store.get('people', String(other.personId))?.displayName;
  return name === undefined ? room : { ...room, title: name };
}

/**
 * `GET /messages`: a room's messages newest first (developer.webex.com, "List Messages"); `parentId` the replies
 * to one message, `mentionedPeople` (`me` or the caller's id) those that mention the caller, `before` and
 * `beforeMessage` the older ones. An unknown room is a 404; a bot's list of a group room without `mentionedPeople`, a 403.
 */
export function listMessages(call: MockCall): MockReply {
  const q = call.query;
  const roomId = q.get('roomId') ?? '';
  const room = call.store.get('rooms', roomId);
  if (!room) return sparkError(404, 'Could not find a room with provided ID.');
  const mentioned = q.get('mentionedPeople');
  // "Bots must include this parameter to list messages in group rooms" (List Messages, mentionedPeople); without
  // it Webex answers 403 "Failed to get activity." (go-cisco-webex-teams issue #9, WebexPythonSDK issue #235).
  if (mentioned === null && room.type === 'group' && callerOf(call).type === 'bot') return sparkError(403, 'Failed to get activity.');
  const anchor = q.get('beforeMessage');
  const before = anchor === null ? q.get('before') : String(call.store.get('messages', anchor)?.created ?? '');
  return sparkPage(
    call,
    where(newestFirst(call), [
      (m) => m.roomId === roomId,
      when(q.get('parentId'), (parentId) => (m) => m.parentId === parentId),
      when(mentioned, (who) => (m) => ((m.mentionedPeople as string[] | undefined) ?? []).includes(who === 'me' ? String(callerOf(call).id) : who)),
      when(before, (time) => (m) => String(m.created) < time),
    ]),
  );
}

/** `GET /messages/direct`: the messages of the caller's 1:1 room with `personId` or `personEmail`, newest first. */
export function listDirectMessages(call: MockCall): MockReply {
  const q = call.query;
  const personId = q.get('personId');
  const personEmail = q.get('personEmail');
  if (personId === null && personEmail === null) return sparkError(400, 'Either personId or personEmail must be provided.');
  const other = personId !== null ? call.store.get('people', personId) : personByEmail(call, personEmail ?? '');
  const room = other && directRoomOf(call, String(callerOf(call).id), String(other.id));
  if (!room) return sparkError(404, SPARK_MESSAGES.notFound);
  const items = where(newestFirst(call), [(m) => m.roomId === room.id, when(q.get('parentId'), (parentId) => (m) => m.parentId === parentId)]);
  return { status: 200, body: { items } };
}

/** Messages newest first: the store keeps them oldest first, so those of the same millisecond stay in order. */
const newestFirst = (call: MockCall) => call.store.list('messages').reverse();
