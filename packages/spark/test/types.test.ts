/**
 * Type tests: correct calls compile and have the spec's types; misuse fails to compile (`@ts-expect-error` makes
 * `npm test`'s typecheck fail if the misuse ever compiles). The calls live in functions that are never run.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PagedList } from '@apiclients/core';
import { createSparkFetchClient, SparkApiError, SparkClient, type components } from '../src/index.js';

type Room = components['schemas']['Room'];
type Person = components['schemas']['Person'];
const spark = new SparkClient({ accessToken: 'type-test-token', baseUrl: 'http://127.0.0.1:9' });

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
  });
});
