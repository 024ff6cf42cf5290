/** Type tests (see packages/spark/test/types.test.ts): misuse fails to compile; the calls are never run. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createVSparkFetchClient, VSparkClient, type FolderRef, type FolderStatus, type StatusFormat } from '../src/index.js';

const vspark = new VSparkClient({ host: '127.0.0.1:9', token: 'type-test-token' });

async function typeOnly() {
  // @ts-expect-error: format is json or csv
  await vspark.status.folder('a', 'b', 'c', { format: 'xml' });
  // @ts-expect-error: a status call missing its company
  await vspark.status.org('b');
  // @ts-expect-error: the argument-object convention is gone
  await vspark.status.org({ company: 'a', org: 'b' });
  // @ts-expect-error: a number where the spec says a string
  await vspark.status.company(1);
  // The result follows the format: JSON by default and for 'json', the CSV text for 'csv'.
  expectTypeOf(await vspark.status.folder('a', 'b', 'c')).toEqualTypeOf<FolderStatus>();
  expectTypeOf(await vspark.status.folder('a', 'b', 'c', { format: 'json' })).toEqualTypeOf<FolderStatus>();
  expectTypeOf(await vspark.status.folder('a', 'b', 'c', { format: 'csv' })).toEqualTypeOf<string>();
  const format = 'csv' as StatusFormat;
  expectTypeOf(await vspark.status.folder('a', 'b', 'c', { format })).toEqualTypeOf<FolderStatus | string>();
  expectTypeOf(await vspark.status.org('a', 'b', { format: 'csv' })).toEqualTypeOf<string>();
  // /status with no argument at all: every company's status, as JSON.
  expectTypeOf(await vspark.status.all()).not.toEqualTypeOf<string>();
  // @ts-expect-error: CSV is text, not a folder status
  const notJson: FolderStatus = await vspark.status.folder('a', 'b', 'c', { format: 'csv' });
  void notJson;
  for await (const ref of vspark.walk()) {
    expectTypeOf(ref).toEqualTypeOf<FolderRef>();
    expectTypeOf(ref.company).toEqualTypeOf<string>();
  }
  const raw = createVSparkFetchClient({ host: '127.0.0.1:9', token: 't' });
  // @ts-expect-error: the spec has no such path
  await raw.GET('/nonexistent');
  // The token is injected by the client: not demanded by the call's types.
  await raw.GET('/config');
  await raw.GET('/status/{company}/{org}/{folder}', { params: { path: { company: 'a', org: 'b', folder: 'c' } } });
  // @ts-expect-error: a path parameter of the wrong type
  await raw.GET('/status/{company}/{org}/{folder}', { params: { path: { company: 1, org: 'b', folder: 'c' } } });
}

describe('V-Spark types', () => {
  it('the factory returns a client', () => {
    expect(typeof createVSparkFetchClient({ host: '127.0.0.1:9', token: 't' }).GET).toBe('function');
    expect(typeof typeOnly).toBe('function');
  });
});
