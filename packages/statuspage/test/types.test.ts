/** Type tests (see packages/spark/test/types.test.ts): misuse fails to compile; the calls are never run. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BaseError, createStatuspageFetchClient, StatuspageClient, type components } from '../src/index.js';

type Component = components['schemas']['Component'];
const sp = new StatuspageClient({ apiKey: 'k', pageId: 'p', organizationId: 'o', baseUrl: 'http://127.0.0.1:9' });

async function typeOnly() {
  const component = await sp.components.get('c1');
  expectTypeOf(component.status).toEqualTypeOf<Component['status']>();
  expectTypeOf<'' | 'operational'>().toMatchTypeOf<NonNullable<Component['status']>>();
  // @ts-expect-error: not a component status
  await sp.components.update('c1', { status: 'broken' });
  // The way python-statuspageio writes them: the id first, then the attributes, flat (the client adds the envelope).
  expectTypeOf(await sp.components.update('c1', { status: 'major_outage' })).toEqualTypeOf<Component>();
  await sp.incidents.create({ name: 'Outage', status: 'investigating', body: 'Looking into it', components: { c1: 'major_outage' } });
  await sp.metrics.submitData('m1', { timestamp: 1_764_000_000, value: 4.2 });
  // @ts-expect-error: the body wrapper of earlier versions
  await sp.components.update('c1', { body: { status: 'major_outage' } });
  // @ts-expect-error: the argument object of earlier versions
  await sp.components.get({ componentId: 'c1' });
  // @ts-expect-error: the envelope is the client's business
  await sp.components.create({ component: { name: 'x' } });
  // @ts-expect-error: a misspelt query parameter (the API spells it per_page)
  sp.components.list({ perPage: 10 });
  // @ts-expect-error: the page id comes from the client, not from the call
  await sp.components.get('p', 'c1');
  // @ts-expect-error: impact_override outside its enum
  await sp.incidents.create({ name: 'x', impact_override: 'catastrophic' });
  // An update takes what incidents.update takes, components by name.
  await sp.incidents.postUpdate('i1', { status: 'identified', body: 'Found it', impact_override: 'major', metadata: { jira: { issue: 'OPS-1' } }, components: { 'Payments API': 'partial_outage' } });
  // @ts-expect-error: not an incident status
  await sp.incidents.postUpdate('i1', { status: 'fixed' });
  // @ts-expect-error: components are named with their statuses, not listed
  await sp.incidents.postUpdate('i1', { component_ids: ['c1'] });
  const users = await sp.users.list().toArray();
  // @ts-expect-error: a user is not a component
  const asComponent: Component = users[0]!;
  void asComponent;
  // An error's body is the spec's Error (or the raw text of a body that was not JSON).
  const error = new BaseError({ status: 422, statusText: '', method: 'POST', url: '', headers: {}, body: '', requestId: undefined, vendorMessage: undefined, retryAfterMs: undefined });
  expectTypeOf(error.body).toEqualTypeOf<components['schemas']['Error'] | string>();
  if (typeof error.body !== 'string') {
    expectTypeOf(error.body.errors).toEqualTypeOf<string[] | undefined>();
    // @ts-expect-error: Error has no such field
    void error.body.logref;
  }
  // pageId is filled in by the client: not demanded again.
  await sp.components.list().toArray();
  const raw = createStatuspageFetchClient({ apiKey: 'k', pageId: 'p' });
  // @ts-expect-error: the spec has no such path
  await raw.GET('/nonexistent');
  await raw.GET('/pages/{page_id}/components', { params: { path: { page_id: 'p' } } });
  // @ts-expect-error: a path parameter of the wrong type
  await raw.GET('/pages/{page_id}/components', { params: { path: { page_id: 42 } } });
}

describe('Statuspage types', () => {
  it('the factory returns a client', () => {
    expect(typeof createStatuspageFetchClient({ apiKey: 'k', pageId: 'p', organizationId: 'o' }).GET).toBe('function');
    expect(typeof typeOnly).toBe('function');
  });
});
