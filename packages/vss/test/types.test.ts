/** Type tests (see packages/spark/test/types.test.ts): misuse fails to compile; the calls are never run. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PagedList } from '@apiclients/core';
import { createVssFetchClient, VssClient, type RequestRef, type RequestTypes, type WaitForOptions } from '../src/index.js';

const vss = new VssClient({ token: 't', baseUrl: 'http://127.0.0.1:9' });

async function typeOnly() {
  expectTypeOf(vss.requests.list('change', { expand: true })).toEqualTypeOf<PagedList<RequestTypes['change']>>();
  expectTypeOf(vss.requests.list('snapshot')).toEqualTypeOf<PagedList<string>>();
  // @ts-expect-error: not a request type
  vss.requests.list('bogus');
  // @ts-expect-error: not an operator
  vss.requests.list('change', { filter: [['status', 'equals', 'ERROR']] });
  // @ts-expect-error: not a field of a change request
  vss.requests.list('change', { filter: [['colour', 'eq', 'red']] });
  // @ts-expect-error: a direction is asc or desc
  vss.requests.list('change', { sort: ['created_on', 'up'] });
  // pyvss's shape: the type and id first.
  expectTypeOf(await vss.requests.get('change', 42)).toEqualTypeOf<RequestTypes['change']>();
  // @ts-expect-error: an id is a number
  await vss.requests.get('change', '42');
  // @ts-expect-error: the argument object of earlier versions
  await vss.requests.get({ type: 'change', id: 42 });
  // @ts-expect-error: the API spells it per_page
  vss.requests.list('change', { perPage: 10 });
  // @ts-expect-error: concurrency is a call option (the third argument), not a query parameter
  vss.requests.list('change', { concurrency: 4 });
  vss.requests.list('change', { per_page: 100 }, { concurrency: 4, limit: 10 });
  for await (const request of vss.requests.list('change', { expand: true })) {
    // @ts-expect-error: an expanded item is an object, not a URL
    request.startsWith('https://');
  }
  const raw = createVssFetchClient({ token: 't' });
  // @ts-expect-error: the spec has no such path
  await raw.GET('/nonexistent');
  // @ts-expect-error: an id is a number
  await raw.GET('/request/{type}/{id}', { params: { path: { type: 'change', id: 'x' } } });
}

describe('VSS types', () => {
  it('the factory returns a client', () => {
    expect(typeof createVssFetchClient({ token: 't' }).GET).toBe('function');
    expect(typeof typeOnly).toBe('function');
  });
});

describe('the types of waitFor, by their own names', () => {
  it('WaitForOptions is what requests.waitFor takes, RequestRef what waitForAll takes', () => {
    expectTypeOf<WaitForOptions>().toEqualTypeOf<NonNullable<Parameters<VssClient['requests']['waitFor']>[2]>>();
    expectTypeOf<RequestRef[]>().toExtend<Parameters<VssClient['requests']['waitForAll']>[0]>();
    const options: WaitForOptions = { intervalMs: 10, timeoutMs: 100, until: ['PROCESSED'] };
    expect(options.until).toEqual(['PROCESSED']);
  });
});
