/**
 * Type tests: correct calls compile and have the spec's types; misuse fails to compile (`@ts-expect-error` makes
 * `npm test`'s typecheck fail if the misuse ever compiles). The calls live in functions that are never run.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PagedList } from '@apiclients/core';
import { createSparkFetchClient, createWebhookHandler, SparkApiError, SparkClient, type components } from '../src/index.js';

type Room = components['schemas']['Room'];
type Person = components['schemas']['Person'];
const spark = new SparkClient({ accessToken: 'type-test-token', baseUrl: 'http://127.0.0.1:9' });

type Message = components['schemas']['Message'];
type AttachmentAction = components['schemas']['AttachmentAction'];

// Cards, threads, edits and the webhook receiver (issue 18).
async function messagingTypesOnly() {
  const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.2' } } as const;
  expectTypeOf(await spark.messages.create({ roomId: 'r1', attachments: [card] })).toEqualTypeOf<Message>();
  // @ts-expect-error: a card's content type is the Adaptive Card one
  await spark.messages.create({ roomId: 'r1', attachments: [{ contentType: 'text/html', content: { type: 'AdaptiveCard', version: '1.2' } }] });
  // @ts-expect-error: an Adaptive Card needs its version
  await spark.messages.create({ roomId: 'r1', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }] });
  expectTypeOf(await spark.messages.update('m1', { roomId: 'r1', markdown: '**edited**' })).toEqualTypeOf<Message>();
  // @ts-expect-error: an edit names the room
  await spark.messages.update('m1', { markdown: 'x' });
  expectTypeOf(await spark.messages.thread('m1').toArray()).toEqualTypeOf<Message[]>();
  expectTypeOf(await spark.attachmentActions.get('a1')).toEqualTypeOf<AttachmentAction>();
  createWebhookHandler({
    secret: 's',
    on: {
      'messages.created': async (event) => {
        expectTypeOf(event.resource).toEqualTypeOf<'messages'>();
        expectTypeOf(event.event).toEqualTypeOf<'created'>();
        expectTypeOf(await event.fetch()).toEqualTypeOf<Message>();
        // A delivery's data is typed by its resource: a message's IDs and metadata, its text never.
        expectTypeOf(event.data.id).toEqualTypeOf<string>();
        expectTypeOf(event.data.roomId).toEqualTypeOf<string | undefined>();
        expectTypeOf(event.data.roomType).toEqualTypeOf<Message['roomType'] | undefined>();
        expectTypeOf(event.data.mentionedPeople).toEqualTypeOf<Message['mentionedPeople'] | undefined>();
        await spark.messages.create({ roomId: event.data.roomId, parentId: event.data.id, text: 'pong' });
      },
      'attachmentActions.created': async (event) => {
        expectTypeOf(event.data.messageId).toEqualTypeOf<string | undefined>();
        expectTypeOf(await event.fetch()).toEqualTypeOf<AttachmentAction>();
      },
      'memberships.created': (event) => expectTypeOf(event.data.roomId).toEqualTypeOf<string | undefined>(),
      'meetings.started': async (event) => expectTypeOf(await event.fetch()).toEqualTypeOf<never>(),
      // @ts-expect-error: no such event
      'messages.exploded': () => undefined,
    },
  });
}

async function typeOnly() {
  expectTypeOf(await spark.rooms.get('r1')).toEqualTypeOf<Room>();
  expectTypeOf(spark.people.list()).toEqualTypeOf<PagedList<Person>>();
  // @ts-expect-error: title is required
  await spark.rooms.create();
  // @ts-expect-error: a misspelt field
  await spark.rooms.create({ titel: 'x' });
  // @ts-expect-error: a room id is a string
  await spark.rooms.get(123);
  // The way ciscosparkapi writes them: the id first, then the fields, flat.
  expectTypeOf(await spark.rooms.update('r1', { title: 'Renamed' })).toEqualTypeOf<Room>();
  await spark.memberships.create({ roomId: 'r1', personEmail: 'a@example.com', isModerator: true });
  // @ts-expect-error: the argument object of earlier versions
  await spark.rooms.get({ roomId: 'r1' });
  // @ts-expect-error: the body wrapper of earlier versions
  await spark.rooms.create({ body: { title: 'x' } });
  // @ts-expect-error: update takes the id first
  await spark.rooms.update({ title: 'x' });
  // @ts-expect-error: a misspelt query parameter
  spark.rooms.list({ maxx: 10 });
  // @ts-expect-error: a body field of the wrong type
  await spark.memberships.create({ roomId: 'r1', isModerator: 'yes' });
  const room = await spark.rooms.get('r1');
  // @ts-expect-error: Room has no such field
  void room.nonexistentField;
  // @ts-expect-error: files are URLs, paths, Blobs or bytes, not numbers
  await spark.messages.create({ roomId: 'r1', files: 42 });
  // @ts-expect-error: the spec has no such path
  await spark.raw.GET('/nonexistent');
  const raw = createSparkFetchClient({ accessToken: 't' });
  // The token is injected: no Authorization parameter is asked for.
  const { data } = await raw.GET('/rooms/{roomId}', { params: { path: { roomId: 'r1' } } });
  expectTypeOf(data).toEqualTypeOf<Room | undefined>();
  // @ts-expect-error: a path parameter of the wrong type
  await raw.GET('/rooms/{roomId}', { params: { path: { roomId: 1 } } });
  // An error's body is the spec's Error (or the raw text of a body that was not JSON).
  const error = new SparkApiError({ status: 404, statusText: '', method: 'GET', url: '', headers: {}, body: '', requestId: undefined, vendorMessage: undefined, retryAfterMs: undefined });
  expectTypeOf(error.body).toEqualTypeOf<components['schemas']['Error'] | string>();
  expectTypeOf(error.errors).toEqualTypeOf<components['schemas']['ErrorDetail'][]>();
  if (typeof error.body !== 'string') {
    expectTypeOf(error.body.trackingId).toEqualTypeOf<string | undefined>();
    // @ts-expect-error: Error has no such field
    void error.body.nonexistentField;
  }
  // Options straight from the environment compile under exactOptionalPropertyTypes (undefined means "not given").
  void new SparkClient({ accessToken: process.env.WEBEX_ACCESS_TOKEN, baseUrl: process.env.WEBEX_BASE_URL, timeoutMs: undefined });
  // Parameters the API adds later go through extraParams.
  await spark.rooms.list({ max: 10 }, { extraParams: { newFilter: 'x' } });
}

describe('Spark types', () => {
  it('the factory returns the same kind of client as .raw', () => {
    expect(typeof createSparkFetchClient({ accessToken: 't' }).GET).toBe('function');
    expect(typeof spark.raw.GET).toBe('function');
    expect(typeof typeOnly).toBe('function');
    expect(typeof messagingTypesOnly).toBe('function');
  });
});
