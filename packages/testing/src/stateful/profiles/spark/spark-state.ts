/**
 * Who is calling and who is who in a Webex mock: the caller is the person whose seeded `accessToken` the request
 * bears, else `me` (Webex's `GET /people/me`); people are found by id or email, and a room's members by its
 * memberships.
 */
import type { MockCall } from '../../vendor-profile.js';
import type { Json } from '../../spec-ref.js';
import type { SparkPagingQuirks } from './spark-pages.js';

/** What of a call the Webex records are made with (a seed has no request, only these). */
export type SparkContext = Pick<MockCall, 'store' | 'state' | 'now' | 'baseUrl'>;

/** The Webex mock's own state beside its records. */
export interface SparkState {
  /** The organization every record belongs to. */
  orgId: string;
  /** The integration the webhooks are registered by (`appId` of a webhook). */
  appId: string;
  /** The person `GET /people/me` answers for any token no seeded person holds. */
  meId: string;
  /** Seeded people's tokens: token → person id. */
  tokens: Record<string, string>;
  /** The seeded organization admins, by person id (spark-lists.ts: only they list people unfiltered). */
  admins: string[];
  /** How many times each message was edited: message id → edits (Webex allows 10, spark-handlers.ts). */
  edits: Record<string, number>;
  /** The paging defects switched on (spark-pages.ts). */
  quirks: SparkPagingQuirks;
}

export const stateOf = (context: Pick<SparkContext, 'state'>): SparkState => context.state as unknown as SparkState;

/** The bearer token of the request, or `undefined`. */
export function bearerToken(call: Pick<MockCall, 'headers'>): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(call.headers.authorization ?? '')?.[1];
}

/** The person the request acts as. */
export function callerOf(call: SparkContext & Pick<MockCall, 'headers'>): Json {
  const { tokens, meId } = stateOf(call);
  const token = bearerToken(call);
  const id = (token !== undefined && Object.hasOwn(tokens, token) ? tokens[token] : undefined) ?? meId;
  return call.store.get('people', id) ?? { id, emails: [] };
}

/** The first email of a person. */
export const emailOf = (person: Json): string | undefined => (person.emails as string[] | undefined)?.[0];

/** A person by email, case-insensitively, or `undefined`. */
export function personByEmail(context: SparkContext, email: string): Json | undefined {
  const wanted = email.toLowerCase();
  return context.store.list('people').find((person) => ((person.emails as string[] | undefined) ?? []).some((e) => e.toLowerCase() === wanted));
}

/** The membership of `personId` in `roomId`, or `undefined`. */
export function membershipOf(context: SparkContext, roomId: string, personId: string): Json | undefined {
  return context.store.list('memberships').find((m) => m.roomId === roomId && m.personId === personId);
}

/** The 1:1 room of two people, or `undefined`. */
export function directRoomOf(context: SparkContext, personId: string, otherId: string): Json | undefined {
  return context.store.list('rooms').find((room) => room.type === 'direct' && membershipOf(context, String(room.id), personId) && membershipOf(context, String(room.id), otherId));
}
