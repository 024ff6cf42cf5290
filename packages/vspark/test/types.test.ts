/** Type tests (see packages/spark/test/types.test.ts): misuse fails to compile; the calls are never run. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createVSparkFetchClient, VSparkClient, type FolderRef, type FolderStatus } from '../src/index.js';

const vspark = new VSparkClient({ host: '127.0.0.1:9', token: 'type-test-token' });

async function typeOnly() {
  // @ts-expect-error: format is json or csv
  await vspark.status.folder({ company: 'a', org: 'b', folder: 'c', format: 'xml' });
  // @ts-expect-error: a status call missing its company
  await vspark.status.org({ org: 'b' });
  expectTypeOf(await vspark.status.folder({ company: 'a', org: 'b', folder: 'c' })).toEqualTypeOf<FolderStatus | string>();
  for await (const ref of vspark.walk()) {
    expectTypeOf(ref).toEqualTypeOf<FolderRef>();
    expectTypeOf(ref.company).toEqualTypeOf<string>();
  }
  const raw = createVSparkFetchClient({ host: '127.0.0.1:9', token: 't' });
  // @ts-expect-error: the spec has no such path
  await raw.GET('/nonexistent');
  // The token is injected by the client: not demanded by the call's types.
  await raw.GET('/config');
}

describe('V-Spark types', () => {
  it('the factory returns a client', () => {
    expect(typeof createVSparkFetchClient({ host: '127.0.0.1:9', token: 't' }).GET).toBe('function');
    expect(typeof typeOnly).toBe('function');
  });
});
