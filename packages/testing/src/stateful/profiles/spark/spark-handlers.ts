/**
 * The Webex operations the generic CRUD does not answer as Webex does: `people/me`, the lists of spark-lists.ts,
 * creates that refer to other records (a 404 for a room or message that is not there, a 409 for a member added
 * twice), deletes that webhooks are told of, and the OAuth token exchange. Where Webex's wording of a refusal is
 * not known, the message is the mock's own, in Webex's shape.
 */
import { randomBytes } from 'node:crypto';
import { createRecord, genericCrud } from '../../generic-crud.js';
import type { Json } from '../../spec-ref.js';
import type { MockCall, MockHandler, MockReply, VendorProfile } from '../../vendor-profile.js';
import { SPARK_MESSAGES, sparkError } from './spark-errors.js';
import { listDirectMessages, listMemberships, listMessages, listPeople, listRooms, listTeams, listWebhooks, roomSeenBy } from './spark-lists.js';
import type { SparkWrite } from './spark-records.js';
import { callerOf, membershipOf, personByEmail, stateOf } from './spark-state.js';

/** Edits Webex allows of one message ("Edit a Message"). */
const MOST_EDITS = 10;

/** The handlers of `profile`, whose records are made through `writeOf`. */
export function sparkHandlers(profile: VendorProfile, writeOf: (call: MockCall) => SparkWrite): Record<string, MockHandler> {
  const notFound = () => sparkError(404, SPARK_MESSAGES.notFound);
  const bodyOf = (call: MockCall) => (call.body ?? {}) as Json;
  /** Creates the record once `refusal` found nothing wrong with the request. */
  const createChecked = (resource: string, refusal: (call: MockCall, body: Json) => MockReply | undefined): MockHandler => (call) =>
    refusal(call, bodyOf(call)) ?? createRecord(profile, call, resource);
  /** Deletes the record named by the path (and what goes with it), and tells webhooks. */
  const remove = (resource: string, alongside?: (call: MockCall, record: Json) => void): MockHandler => (call) => {
    const id = call.params[call.operation.pathParams.at(-1) ?? ''] ?? '';
    const record = call.store.get(resource, id);
    if (!record) return notFound();
    call.store.delete(resource, id);
    alongside?.(call, record);
    writeOf(call).changed(resource, 'deleted', record);
    return { status: call.operation.example.status };
  };

  return {
    people_me: (call) => ({ status: 200, body: callerOf(call) }),
    people_list: listPeople,
    rooms_list: listRooms,
    rooms_get: (call) => {
      const room = call.store.get('rooms', call.params.roomId ?? '');
      return room ? { status: 200, body: roomSeenBy(call, room) } : notFound();
    },
    memberships_list: listMemberships,
    teams_list: listTeams,
    webhooks_list: listWebhooks,
    messages_list: listMessages,
    messages_list_direct: listDirectMessages,
    // developer.webex.com, "Create a Message": one of roomId, toPersonId, toPersonEmail, and some content.
    messages_create: createChecked('messages', (call, body) => {
      const targets = ['roomId', 'toPersonId', 'toPersonEmail'].filter((name) => body[name] !== undefined);
      if (targets.length !== 1) return sparkError(400, `Exactly one of roomId, toPersonId or toPersonEmail must be given, got ${targets.length}.`);
      if (!['text', 'markdown', 'files', 'attachments'].some((name) => body[name] !== undefined)) return sparkError(400, 'The message needs text, markdown, files or attachments.');
      if (typeof body.roomId === 'string' && !call.store.get('rooms', body.roomId)) return sparkError(404, 'Could not find a room with provided ID.');
      if (typeof body.toPersonId === 'string' && !call.store.get('people', body.toPersonId)) return notFound();
      if (body.parentId === undefined) return undefined;
      const parent = call.store.get('messages', String(body.parentId));
      if (!parent) return notFound();
      // Webex threads are one level deep: a reply answers the thread's first message, in its room.
      if (parent.parentId !== undefined) return sparkError(400, 'parentId must name the first message of a thread, not a reply.');
      if (body.roomId !== undefined && parent.roomId !== body.roomId) return sparkError(400, 'parentId must name a message of the same room.');
      return undefined;
    }),
    // developer.webex.com, "Edit a Message": "Edits of messages containing files or attachments are not currently
    // supported" (a 400), and a message is edited 10 times at most (a 400 past that). The wording is the mock's own.
    messages_update: (call) => {
      const id = call.params.messageId ?? '';
      const message = call.store.get('messages', id);
      if (!message) return notFound();
      if (message.files !== undefined || message.attachments !== undefined) return sparkError(400, 'Editing a message with files or attachments is not supported.');
      const { edits } = stateOf(call);
      if ((edits[id] ?? 0) >= MOST_EDITS) return sparkError(400, `A message can be edited ${MOST_EDITS} times at most; this one has reached the limit.`);
      edits[id] = (edits[id] ?? 0) + 1;
      return genericCrud(profile, call)!;
    },
    messages_delete: remove('messages'),
    memberships_create: createChecked('memberships', (call, body) => {
      if (!call.store.get('rooms', String(body.roomId))) return sparkError(404, 'Could not find a room with provided ID.');
      if (body.personId === undefined && body.personEmail === undefined) return sparkError(400, 'Either personId or personEmail must be given.');
      const person = personNamed(call, body);
      if (typeof body.personId === 'string' && !person) return notFound();
      // The wording of specs/spark.yaml's 409 example (developer.webex.com/docs/basics, "API Errors").
      if (person && membershipOf(call, String(body.roomId), String(person.id))) return sparkError(409, 'Person is already in the room.');
      return undefined;
    }),
    memberships_delete: remove('memberships'),
    // A room goes with its memberships and messages.
    rooms_delete: remove('rooms', (call, room) => {
      for (const resource of ['memberships', 'messages']) {
        for (const record of call.store.list(resource)) if (record.roomId === room.id) call.store.delete(resource, String(record.id));
      }
    }),
    team_memberships_create: createChecked('teamMemberships', (call, body) => {
      if (!call.store.get('teams', String(body.teamId))) return notFound();
      const person = personNamed(call, body);
      const member = person && call.store.list('teamMemberships').some((m) => m.teamId === body.teamId && m.personId === person.id);
      return member ? sparkError(409, 'Person is already in the team.') : undefined;
    }),
    attachment_actions_create: createChecked('attachmentActions', (call, body) => (call.store.get('messages', String(body.messageId)) ? undefined : notFound())),
    // developer.webex.com, "Integrations": a new token (acting as `me`) and a refresh token, with Webex's lifetimes.
    access_tokens_create: (call) => {
      const token = randomBytes(48).toString('base64url');
      stateOf(call).tokens[token] = stateOf(call).meId;
      return { status: 200, body: { access_token: token, expires_in: 1_209_600, refresh_token: randomBytes(48).toString('base64url'), refresh_token_expires_in: 7_776_000 } };
    },
  };
}

/** The person a request names by `personId` or `personEmail`, when Webex knows them. */
function personNamed(call: MockCall, body: Json): Json | undefined {
  return typeof body.personId === 'string' ? call.store.get('people', body.personId) : personByEmail(call, String(body.personEmail));
}
