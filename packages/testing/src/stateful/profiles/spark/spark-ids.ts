/**
 * Webex's identifiers: the base64url (unpadded) of `ciscospark://us/<KIND>/<uuid>`, e.g. a room's
 * `Y2lzY29zcGFyazovL3VzL1JPT00v…` is `ciscospark://us/ROOM/…` (developer.webex.com/docs/basics; every id of
 * ../shared/reference/spark/examples). A membership's uuid is its person's and its room's, `<person>:<room>`.
 */
import { randomUUID } from 'node:crypto';

/** The kinds the ids name, as Webex spells them. */
export type SparkIdKind =
  | 'PEOPLE'
  | 'ROOM'
  | 'MESSAGE'
  | 'MEMBERSHIP'
  | 'TEAM'
  | 'TEAM_MEMBERSHIP'
  | 'WEBHOOK'
  | 'ATTACHMENT_ACTION'
  | 'ORGANIZATION'
  | 'APPLICATION'
  | 'CONTENT'
  | (string & {});

/** A new id of `kind` in Webex's format (`uuid` random unless given). */
export function sparkId(kind: SparkIdKind, uuid: string = randomUUID()): string {
  return Buffer.from(`ciscospark://us/${kind}/${uuid}`).toString('base64url');
}

/** The uuid part of a Webex id, or the id itself when it is not one (an id a seed gave as it liked). */
export function uuidOf(id: string): string {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.startsWith('ciscospark://') ? decoded.slice(decoded.lastIndexOf('/') + 1) : id;
}

/** A tracking id as Webex's routers write them (`ROUTER_5A0CB5D2-B92F-01BB-7C3F-AC12D9227C3F`). */
export function trackingId(): string {
  return `ROUTER_${randomUUID().toUpperCase()}`;
}
