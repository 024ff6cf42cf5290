/**
 * Webex messages as Webex writes them: in a room, or in the 1:1 room of the caller and a person (made on their
 * first message, as "Create a Message" with `toPersonId`/`toPersonEmail` does), with their author, files and mentions.
 */
import type { Json } from '../../spec-ref.js';
import { sparkId } from './spark-ids.js';
import { addMember, defined, newRoom, personFor, stamp, text, type Builder, type SparkWrite } from './spark-records.js';
import { directRoomOf, emailOf, membershipOf, personByEmail } from './spark-state.js';

/**
 * A message: to its room, or to a person's 1:1 room with the caller (made on the first message, as Webex does),
 * by the caller; its mentions read from the Markdown (`<@personId:…>`, `<@personEmail:…>`, `<@all>`).
 */
export const newMessage: Builder = (write, fields) => {
  const room = typeof fields.roomId === 'string' ? write.store.get('rooms', fields.roomId) ?? {} : directRoom(write, personFor(write, fields.toPersonId, fields.toPersonEmail) ?? {});
  const created = stamp(write);
  write.store.put('rooms', Object.assign(room, { lastActivity: created }));
  const mentions = mentionsIn(write, text(fields.markdown) ?? '');
  return defined({
    id: sparkId('MESSAGE'),
    parentId: fields.parentId,
    roomId: room.id,
    roomType: room.type,
    toPersonId: fields.toPersonId,
    toPersonEmail: fields.toPersonEmail,
    text: fields.text ?? plainTextOf(fields.markdown),
    markdown: fields.markdown,
    files: filesOf(write, fields.files),
    attachments: fields.attachments,
    personId: write.actor.id,
    personEmail: emailOf(write.actor),
    mentionedPeople: mentions.people.length > 0 ? mentions.people : undefined,
    mentionedGroups: mentions.groups.length > 0 ? mentions.groups : undefined,
    created,
  });
};

/** The 1:1 room of the caller and `other`, made (with both memberships) when they have none. */
function directRoom(write: SparkWrite, other: Json): Json {
  const known = directRoomOf(write, String(write.actor.id), String(other.id));
  if (known) return known;
  const room = newRoom(write, { title: other.displayName, type: 'direct' });
  if (!membershipOf(write, String(room.id), String(other.id))) addMember(write, room, other);
  return room;
}

/** File URLs: a URL stays as it is; an uploaded file (a multipart part) becomes Webex's `/contents/{id}`. */
function filesOf(write: SparkWrite, files: unknown): string[] | undefined {
  if (files === undefined) return undefined;
  return (Array.isArray(files) ? files : [files]).map((file) => (typeof file === 'string' ? file : `${write.baseUrl}/contents/${sparkId('CONTENT')}`));
}

/** The people and groups a message's Markdown mentions (developer.webex.com/docs/basics, "Formatting Messages"). */
function mentionsIn(write: SparkWrite, markdown: string): { people: string[]; groups: string[] } {
  const people: string[] = [];
  for (const [, kind, value] of markdown.matchAll(/<@(personId|personEmail):([^|>]+)/g)) {
    const id = kind === 'personId' ? value : personByEmail(write, value!)?.id;
    if (typeof id === 'string' && !people.includes(id)) people.push(id);
  }
  return { people, groups: /<@all>/.test(markdown) ? ['all'] : [] };
}

/**
 * The plain text Webex gives a message sent as Markdown alone: mentions as the names they show, the markup
 * dropped (developer.webex.com, "Create a Message": `text` is the plain-text form of the message).
 */
export function plainTextOf(markdown: unknown): string | undefined {
  if (typeof markdown !== 'string') return undefined;
  return markdown
    .replace(/<@(?:personId|personEmail|groupMention):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@all>/g, 'All')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '');
}
