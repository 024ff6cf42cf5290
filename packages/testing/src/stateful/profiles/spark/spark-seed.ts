/**
 * The seed of the Webex mock: `me` (the caller of any token no seeded person holds), other people, rooms with
 * their members and messages (threads too). Without one, the mock holds only its organization and a default `me`.
 */
import { ConfigurationError } from '@apiclients/core';
import type { Json } from '../../spec-ref.js';
import { sparkId } from './spark-ids.js';
import { newMessage } from './spark-messages.js';
import type { SparkPagingQuirks } from './spark-pages.js';
import { addMember, newPerson, newRoom, personFor, type SparkWrite } from './spark-records.js';
import { personByEmail, stateOf, type SparkContext, type SparkState } from './spark-state.js';

/** A person of the seed. */
export interface SparkSeedPerson {
  /** Default: a new id in Webex's format. */
  id?: string;
  email: string;
  /** Default: first and last name, else the email's local part. */
  displayName?: string;
  firstName?: string;
  lastName?: string;
  /** Default `person`. */
  type?: 'person' | 'bot';
  /** A bearer token that acts as this person (requests with any other token act as `me`). */
  accessToken?: string;
  /** An organization admin: may list people without `email`, `displayName` or `id` (default `false`). */
  admin?: boolean;
}

/** A room of the seed; `me` is a member of each. */
export interface SparkSeedRoom {
  /** Default: a new id in Webex's format. */
  id?: string;
  title: string;
  /** Default `group`. */
  type?: 'group' | 'direct';
  isLocked?: boolean;
  teamId?: string;
  /** Emails of the other members (seeded people, or new ones). */
  members?: string[];
}

/** A message of the seed, posted in seed order. */
export interface SparkSeedMessage {
  /** The room, by id or title. */
  room: string;
  /** The author's email (default `me`). */
  from?: string;
  text?: string;
  markdown?: string;
  /** Index in `messages` of the message this one replies to (a thread). */
  replyTo?: number;
}

/** What the Webex mock starts with (and goes back to on `reset()`). */
export interface SparkSeed {
  /** The caller (`GET /people/me`). Default: `me@example.com`, "Mock User". */
  me?: SparkSeedPerson;
  people?: SparkSeedPerson[];
  rooms?: SparkSeedRoom[];
  messages?: SparkSeedMessage[];
}

/** The default caller. */
export const DEFAULT_ME: SparkSeedPerson = { email: 'me@example.com', displayName: 'Mock User' };

/** A fresh Webex state: a new organization and application, and the paging defects switched on. */
export function newSparkState(quirks: SparkPagingQuirks = {}): Json {
  const state: SparkState = { orgId: sparkId('ORGANIZATION'), appId: sparkId('APPLICATION'), meId: '', tokens: {}, admins: [], edits: {}, quirks };
  return state as unknown as Json;
}

/**
 * Checks what `seed`'s messages name, before the mock starts: a seeded room, a seeded author, and for a reply an
 * earlier message of the same room that is not itself a reply (Webex threads are one level deep).
 *
 * @throws {ConfigurationError} Naming the first message that is wrong.
 */
export function checkSparkSeed(seed: SparkSeed = {}): void {
  const rooms = seed.rooms ?? [];
  const emails = new Set([seed.me ?? DEFAULT_ME, ...(seed.people ?? [])].map((person) => person.email.toLowerCase()));
  const messages = seed.messages ?? [];
  messages.forEach((message, index) => {
    const wrong = (what: string) => new ConfigurationError(`SparkSeed: messages[${index}] ${what}`);
    if (!rooms.some((room) => room.id === message.room || room.title === message.room)) throw wrong(`names no seeded room: ${JSON.stringify(message.room)}`);
    if (message.from !== undefined && !emails.has(message.from.toLowerCase())) throw wrong(`is from no seeded person: ${JSON.stringify(message.from)}`);
    if (message.replyTo === undefined) return;
    const parent = messages[message.replyTo];
    if (!(message.replyTo < index) || !parent) throw wrong(`replies to messages[${message.replyTo}], which is not an earlier message`);
    if (parent.replyTo !== undefined || parent.room !== message.room) throw wrong(`replies to messages[${message.replyTo}], a reply or a message of another room`);
  });
}

/** Fills a fresh store from `seed` (checked by {@link checkSparkSeed}). */
export function seedSpark(context: SparkContext, seed: SparkSeed = {}): void {
  const state = stateOf(context);
  const write: SparkWrite = { ...context, actor: {}, changed: () => {} };
  context.store.put('organizations', { id: state.orgId, displayName: 'Mock Organization', created: context.now().toISOString() });
  const people = [seed.me ?? DEFAULT_ME, ...(seed.people ?? [])].map((person) => {
    const record = context.store.put('people', newPerson(write, person as unknown as Json));
    if (person.accessToken) state.tokens[person.accessToken] = String(record.id);
    if (person.admin) state.admins.push(String(record.id));
    return record;
  });
  write.actor = people[0]!;
  state.meId = String(write.actor.id);
  const rooms = (seed.rooms ?? []).map((room) => {
    const record = newRoom(write, room as unknown as Json);
    for (const email of room.members ?? []) addMember(write, record, personFor(write, undefined, email)!);
    return record;
  });
  const messages: Json[] = [];
  for (const message of seed.messages ?? []) {
    const room = rooms.find((r) => r.id === message.room || r.title === message.room)!;
    const author = message.from === undefined ? people[0]! : personByEmail(context, message.from)!;
    const parentId = message.replyTo === undefined ? undefined : messages[message.replyTo]?.id;
    messages.push(context.store.put('messages', newMessage({ ...write, actor: author }, { roomId: room.id, text: message.text, markdown: message.markdown, parentId })));
  }
}
