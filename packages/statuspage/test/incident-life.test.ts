/**
 * The helpers every Statuspage automation writes by hand (components.setStatus, incidents.open / postUpdate /
 * resolve) against a fake Statuspage that keeps state, then through a whole automation under the 1 request/second
 * limit, answered with 420 and Retry-After.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StatuspageClient, UnknownComponentError } from '../src/index.js';
import { closeMatches } from '../src/close-matches.js';
import { API_KEY, PAGE_ID, startStatefulStatuspage, type StatefulStatuspage } from './stateful-statuspage.js';

const NAMES = ['Payments/', 'Payments API', 'Checkout', 'Website', 'Email delivery'];
let fake: StatefulStatuspage | undefined;
afterEach(() => fake?.close());

const client = (url: string) => new StatuspageClient({ apiKey: API_KEY, pageId: PAGE_ID, baseUrl: url });
const statusOf = (name: string) => fake!.components.find((c) => c.name === name && !c.group)?.status;

describe('components.setStatus', () => {
  it('finds a component by name with one listing, kept for the client, and by identifier', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const sp = client(fake.url);
    await sp.components.setStatus('Checkout', 'degraded_performance');
    await sp.components.setStatus('Website', 'partial_outage');
    await sp.components.setStatus('cmp2', 'major_outage');
    expect([statusOf('Checkout'), statusOf('Website'), statusOf('Payments API')]).toEqual(['degraded_performance', 'partial_outage', 'major_outage']);
    expect(fake.log.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([`/v1/pages/${PAGE_ID}/components`]);
  });

  it('lists the components again for a name added since the listing, once, then refuses what is still missing', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const sp = client(fake.url);
    await sp.components.setStatus('Checkout', 'degraded_performance');
    fake.components.push({ ...fake.components.find((c) => c.name === 'Checkout')!, id: 'cmp9', name: 'Search', status: 'operational', position: 9 });
    await sp.incidents.open({ name: 'Search is slow', components: { Search: 'partial_outage' } });
    expect(statusOf('Search')).toBe('partial_outage');
    await expect(sp.components.setStatus('Serch', 'operational')).rejects.toBeInstanceOf(UnknownComponentError);
    expect(fake.log.filter((r) => r.method === 'GET').length).toBe(3);
  });

  it('refuses an unknown name with a typed error listing the close matches, and changes nothing', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const sp = client(fake.url);
    const error = await sp.components.setStatus('Paymnts API', 'major_outage').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownComponentError);
    expect((error as UnknownComponentError).closeMatches).toEqual(['Payments API']);
    expect((error as Error).message).toMatch(/did you mean "Payments API"/);
    expect(fake.log.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(fake.components.every((c) => c.status === 'operational')).toBe(true);
  });

  it('does not take a component group for a component, and says it is a group, naming its components', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    fake.components.find((c) => c.name === 'Payments API')!.group_id = 'cmp1';
    const error = await client(fake.url).components.setStatus('Payments', 'major_outage').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownComponentError);
    expect(error).toMatchObject({ component: 'Payments', group: true, closeMatches: ['Payments API'] });
    expect((error as Error).message).toBe('"Payments" is a component group, which has no status of its own: name its components ("Payments API")');
    expect(fake.log.filter((r) => r.method === 'PATCH')).toEqual([]);
  });
});

describe("an incident's life", () => {
  it('open on two components, post an update, resolve: each component ends operational, each step as asked', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const sp = client(fake.url);

    const opened = await sp.incidents.open({
      name: 'Card payments failing',
      status: 'investigating',
      body: 'Some card payments fail; we are investigating.',
      components: { 'Payments API': 'major_outage', Checkout: 'degraded_performance' },
    });
    expect([statusOf('Payments API'), statusOf('Checkout'), statusOf('Website')]).toEqual(['major_outage', 'degraded_performance', 'operational']);
    expect(opened.components?.map((c) => c.name).sort()).toEqual(['Checkout', 'Payments API']);

    const updated = await sp.incidents.postUpdate(opened.id!, {
      status: 'monitoring',
      body: 'A fix is deployed; payments are recovering.',
      components: { 'Payments API': 'degraded_performance' },
    });
    expect(updated.status).toBe('monitoring');
    expect([statusOf('Payments API'), statusOf('Checkout')]).toEqual(['degraded_performance', 'degraded_performance']);

    const resolved = await sp.incidents.resolve(opened.id!, 'Payments are back to normal.');
    expect(resolved.status).toBe('resolved');
    // Read each component back from the fake's API, as a user would.
    for (const name of ['Payments API', 'Checkout', 'Website', 'Email delivery']) {
      const id = fake.components.find((c) => c.name === name && !c.group)!.id;
      expect((await sp.components.get(id)).status, name).toBe('operational');
    }
    expect(resolved.incident_updates?.map((u) => [u.status, u.body])).toEqual([
      ['resolved', 'Payments are back to normal.'],
      ['monitoring', 'A fix is deployed; payments are recovering.'],
      ['investigating', 'Some card payments fail; we are investigating.'],
    ]);
  });

  it('completes a scheduled maintenance rather than resolving it, its components back to operational', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const sp = client(fake.url);
    const maintenance = await sp.incidents.open({ name: 'Database upgrade', status: 'in_progress', components: { Website: 'under_maintenance' } });
    const done = await sp.incidents.resolve(maintenance.id!, 'The upgrade is done.');
    expect(done.status).toBe('completed');
    expect(done.incident_updates?.[0]).toMatchObject({ status: 'completed', body: 'The upgrade is done.' });
    expect(statusOf('Website')).toBe('operational');
  });

  it('opens an incident without components', async () => {
    fake = await startStatefulStatuspage({ components: NAMES });
    const incident = await client(fake.url).incidents.open({ name: 'Slow dashboard', status: 'identified' });
    expect(incident.components).toEqual([]);
    expect(fake.log.map((r) => r.method)).toEqual(['POST']);
  });
});

describe('a whole automation under the rate limit (1 request/second, 420 with Retry-After)', () => {
  it('loses nothing and surfaces no error', async () => {
    fake = await startStatefulStatuspage({ components: NAMES, requestsPerSecond: 1 });
    const sp = client(fake.url);
    const errors: unknown[] = [];
    const step = <T>(work: Promise<T>) => work.catch((e: unknown) => void errors.push(e));

    await step(sp.components.setStatus('Website', 'under_maintenance'));
    const incident = await sp.incidents.open({ name: 'Email delays', status: 'identified', body: 'Emails are delayed.', components: { 'Email delivery': 'partial_outage' } });
    await Promise.all([
      step(sp.incidents.postUpdate(incident.id!, { status: 'monitoring', body: 'Queue draining.' })),
      step(sp.components.setStatus('Website', 'operational')),
    ]);
    await step(sp.incidents.resolve(incident.id!, 'All emails delivered.'));

    expect(errors).toEqual([]);
    // The limit was hit, and every refused request was made again until performed.
    const refused = fake.log.filter((r) => !r.performed);
    expect(refused.length).toBeGreaterThan(0);
    const performed = fake.log.filter((r) => r.performed).map((r) => `${r.method} ${r.path.replace(`/v1/pages/${PAGE_ID}`, '')}`);
    expect(performed.sort()).toEqual(
      ['GET /components', 'PATCH /components/cmp4', 'POST /incidents', 'PATCH /incidents/inc1', 'PATCH /components/cmp4', 'GET /incidents/inc1', 'PATCH /incidents/inc1'].sort(),
    );
    expect(fake.incidents[0]?.status).toBe('resolved');
    expect(fake.incidents[0]?.incident_updates.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'identified']);
    expect(fake.components.every((c) => c.status === 'operational')).toBe(true);
  }, 30_000);
});

describe('closeMatches', () => {
  it('puts containing names first, then near spellings, and leaves out the unrelated', () => {
    expect(closeMatches('payments', ['Payments API', 'Checkout', 'Paymants'])).toEqual(['Payments API', 'Paymants']);
    expect(closeMatches('Chekout', ['Payments API', 'Checkout', 'Website'])).toEqual(['Checkout']);
    expect(closeMatches('Database', ['Payments API', 'Checkout'])).toEqual([]);
  });
});
