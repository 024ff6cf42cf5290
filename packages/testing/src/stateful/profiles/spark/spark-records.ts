/**
 * The records of the Webex mock as Webex writes them: ids in its format, ISO timestamps with milliseconds, and the
 * defaults a real answer carries (a room is `group`, unlocked, created by the caller, who becomes its member; …),
 * from Webex's official examples (specs/spark.yaml) and the captures in ../shared/reference/spark/examples.
 * Messages are spark-messages.ts's.
 */
import type { Json } from '../../spec-ref.js';
import { sparkId, uuidOf } from './spark-ids.js';
import { emailOf, personByEmail, stateOf, type SparkContext } from './spark-state.js';

/** Where a record is made: the mock's state, who makes it, and how its side effects are told to webhooks. */
export interface SparkWrite extends SparkContext {
  actor: Json;
  changed(resource: string, event: string, record: Json): void;
}

/** Makes a record of a resource from a request's fields. */
export type Builder = (write: SparkWrite, fields: Json) => Json;

/** Now, as Webex writes times: ISO 8601 with milliseconds. */
export const stamp = (write: SparkContext) => write.now().toISOString();
/** The record without its undefined fields (Webex leaves out what is not set). */
export const defined = (record: Json): Json => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
/** `value` when it is a string. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A person; `emails` (or a seed's `email`) names them. */
export const newPerson: Builder = (write, fields) => {
  const emails = (fields.emails as string[] | undefined) ?? (typeof fields.email === 'string' ? [fields.email] : []);
  const names = [text(fields.firstName), text(fields.lastName)].filter(Boolean).join(' ');
  const created = stamp(write);
  return defined({
    id: text(fields.id) ?? sparkId('PEOPLE'),
    emails,
    phoneNumbers: fields.phoneNumbers ?? [],
    displayName: text(fields.displayName) ?? (names || emails[0]?.split('@')[0]),
    nickName: fields.nickName,
    firstName: fields.firstName,
    lastName: fields.lastName,
    avatar: fields.avatar,
    orgId: stateOf(write).orgId,
    created,
    lastModified: created,
    status: 'active',
    type: text(fields.type) ?? 'person',
  });
};

/** A person by id or email: one Webex does not know yet is invited (made) by email. */
export function personFor(write: SparkWrite, personId: unknown, personEmail: unknown): Json | undefined {
  if (typeof personId === 'string') return write.store.get('people', personId);
  if (typeof personEmail !== 'string') return undefined;
  const known = personByEmail(write, personEmail);
  if (known) return known;
  return write.store.put('people', newPerson(write, { emails: [personEmail] }));
}

/**
 * A group room: the caller is its creator and first member (a moderator when it is locked). It tells webhooks of
 * itself, before that membership; other records are told of by the profile once made.
 */
export const newRoom: Builder = (write, fields) => {
  const created = stamp(write);
  const room = defined({
    id: text(fields.id) ?? sparkId('ROOM'),
    title: fields.title,
    type: text(fields.type) ?? 'group',
    isLocked: fields.isLocked ?? false,
    teamId: fields.teamId,
    lastActivity: created,
    creatorId: write.actor.id,
    created,
    ownerId: stateOf(write).orgId,
    classificationId: fields.classificationId,
    isAnnouncementOnly: fields.isAnnouncementOnly,
    isPublic: fields.isPublic ?? false,
    description: fields.description,
    isReadOnly: false,
  });
  write.store.put('rooms', room);
  write.changed('rooms', 'created', room);
  addMember(write, room, write.actor, room.isLocked === true);
  return room;
};

/** Puts `person` in `room` (a membership record, told to webhooks). */
export function addMember(write: SparkWrite, room: Json, person: Json, isModerator = false): Json {
  const membership = newMembership(write, { roomId: room.id, personId: person.id, isModerator });
  write.store.put('memberships', membership);
  write.changed('memberships', 'created', membership);
  return membership;
}

/** Who a room or team membership is of, as a membership names them. */
const memberFields = (person: Json): Json => ({ personId: person.id, personEmail: emailOf(person), personDisplayName: person.displayName, personOrgId: person.orgId });

/** A membership; Webex's id joins the person's uuid and the room's. */
export const newMembership: Builder = (write, fields) => {
  const person = personFor(write, fields.personId, fields.personEmail) ?? {};
  const room = write.store.get('rooms', String(fields.roomId)) ?? {};
  return defined({
    id: sparkId('MEMBERSHIP', `${uuidOf(String(person.id))}:${uuidOf(String(room.id))}`),
    roomId: room.id,
    ...memberFields(person),
    isModerator: fields.isModerator ?? false,
    isMonitor: false,
    isRoomHidden: room.type === 'direct' ? false : undefined,
    roomType: room.type,
    created: stamp(write),
  });
};

/** A team; its creator is its first member, a moderator ("Create a Team": "the authenticated user is automatically added"). */
export const newTeam: Builder = (write, fields) => {
  const team = defined({ id: sparkId('TEAM'), name: fields.name, description: fields.description, creatorId: write.actor.id, created: stamp(write) });
  write.store.put('teamMemberships', newTeamMembership(write, { teamId: team.id, personId: write.actor.id, isModerator: true }));
  return team;
};

/** A team membership; its id joins the person's uuid and the team's, as a room membership's does. */
export const newTeamMembership: Builder = (write, fields) => {
  const person = personFor(write, fields.personId, fields.personEmail) ?? {};
  return defined({
    id: sparkId('TEAM_MEMBERSHIP', `${uuidOf(String(person.id))}:${uuidOf(String(fields.teamId))}`),
    teamId: fields.teamId,
    ...memberFields(person),
    isModerator: fields.isModerator ?? false,
    created: stamp(write),
  });
};

/** A webhook, active, owned by its creator unless `ownedBy: 'org'`. */
export const newWebhook: Builder = (write, fields) =>
  defined({
    id: sparkId('WEBHOOK'),
    name: fields.name,
    targetUrl: fields.targetUrl,
    resource: fields.resource,
    event: fields.event,
    filter: fields.filter,
    secret: fields.secret,
    status: 'active',
    created: stamp(write),
    orgId: stateOf(write).orgId,
    createdBy: write.actor.id,
    appId: stateOf(write).appId,
    ownedBy: fields.ownedBy ?? 'creator',
  });

/** A card's submission, in the room of its message. */
export const newAttachmentAction: Builder = (write, fields) =>
  defined({
    id: sparkId('ATTACHMENT_ACTION'),
    type: fields.type,
    messageId: fields.messageId,
    inputs: fields.inputs,
    personId: write.actor.id,
    roomId: write.store.get('messages', String(fields.messageId))?.roomId,
    created: stamp(write),
  });

/** A record of a resource with no builder of its own: its fields, an id of its kind (`roomTabs` → `ROOM_TAB`) and `created`. */
export const newOther = (resource: string): Builder => (write, fields) => ({
  ...fields,
  id: sparkId(resource.replace(/s$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()),
  created: stamp(write),
});
