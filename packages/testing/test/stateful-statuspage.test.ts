/**
 * The Statuspage stateful mock: an incident's whole life through our client and through plain fetch, the
 * 1 request/second limit waited out, faults retried, validation in Statuspage's error shape, inspection and reset,
 * two servers with separate state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StatuspageClient, NotFoundError, UnknownComponentError } from '@apiclients/statuspage';
import { startMockServer, startStatefulMock, STATUSPAGE_MOCK_PAGE_ID, type StatefulMockServer } from '../src/index.js';

const servers: StatefulMockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function mock(options: Parameters<typeof startStatefulMock<'statuspage'>>[1] = {}): Promise<StatefulMockServer> {
  const server = await startStatefulMock('statuspage', { seed: { components: ['Payments API', 'Checkout', 'Website'] }, ...options });
  servers.push(server);
  return server;
}
const client = (server: StatefulMockServer, extra: Record<string, unknown> = {}) => new StatuspageClient({ apiKey: 'sp-test-key-0001', pageId: STATUSPAGE_MOCK_PAGE_ID, baseUrl: server.url, ...extra });
const statuses = (server: StatefulMockServer) => Object.fromEntries(server.state().components!.map((c) => [c.name, c.status]));

describe("an incident's life", () => {
  it('opens on two components, posts an update, resolves: the components follow and end operational', async () => {
    const server = await mock();
    const sp = client(server);
    const opened = await sp.incidents.open({ name: 'Card payments failing', status: 'investigating', body: 'Investigating.', components: { 'Payments API': 'major_outage', Checkout: 'degraded_performance' } });
    expect(statuses(server)).toEqual({ 'Payments API': 'major_outage', Checkout: 'degraded_performance', Website: 'operational' });
    expect(opened.impact).toBe('critical');
    expect(opened.id).toMatch(/^[0-9a-z]{12}$/);

    await sp.incidents.postUpdate(opened.id!, { status: 'monitoring', body: 'Recovering.', components: { 'Payments API': 'degraded_performance' } });
    expect(statuses(server)['Payments API']).toBe('degraded_performance');
    expect((await sp.incidents.listUnresolved().toArray()).map((i) => i.id)).toEqual([opened.id]);

    const resolved = await sp.incidents.resolve(opened.id!, 'Back to normal.');
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolved_at).toBeTypeOf('string');
    expect(statuses(server)).toEqual({ 'Payments API': 'operational', Checkout: 'operational', Website: 'operational' });
    expect(resolved.incident_updates?.map((u) => u.status)).toEqual(['resolved', 'monitoring', 'investigating']);
    expect(await sp.incidents.listUnresolved().toArray()).toEqual([]);
  });

  it('is the same flow over plain HTTP, envelopes and all', async () => {
    const server = await mock();
    const headers = { authorization: 'OAuth sp-test-key-0001', 'content-type': 'application/json' };
    const base = `${server.url}/pages/${STATUSPAGE_MOCK_PAGE_ID}`;
    const componentId = server.state().components![1]!.id as string;
    const created = await fetch(`${base}/incidents`, { method: 'POST', headers, body: JSON.stringify({ incident: { name: 'Slow checkout', status: 'identified', components: { [componentId]: 'partial_outage' } } }) });
    expect(created.status).toBe(201);
    const incident = (await created.json()) as { id: string; components: { status: string }[] };
    expect(incident.components.map((c) => c.status)).toEqual(['partial_outage']);
    const resolved = await fetch(`${base}/incidents/${incident.id}`, { method: 'PATCH', headers, body: JSON.stringify({ incident: { status: 'resolved', components: { [componentId]: 'operational' } } }) });
    expect(resolved.status).toBe(200);
    const component = (await (await fetch(`${base}/components/${componentId}`, { headers })).json()) as { status: string };
    expect(component.status).toBe('operational');
  });

  it('puts components back on resolve when asked to, though the request names none', async () => {
    const server = await mock({ restoreOnResolve: true });
    const headers = { authorization: 'OAuth k', 'content-type': 'application/json' };
    const base = `${server.url}/pages/${STATUSPAGE_MOCK_PAGE_ID}`;
    const id = server.state().components![0]!.id as string;
    const incident = (await (await fetch(`${base}/incidents`, { method: 'POST', headers, body: JSON.stringify({ incident: { name: 'Down', components: { [id]: 'major_outage' } } }) })).json()) as { id: string };
    await fetch(`${base}/incidents/${incident.id}`, { method: 'PATCH', headers, body: JSON.stringify({ incident: { status: 'resolved' } }) });
    expect(statuses(server)['Payments API']).toBe('operational');
  });
});

describe('what Statuspage answers besides the life', () => {
  it('answers a delete with the deleted incident, as the API documents, and forgets it', async () => {
    const sp = client(await mock());
    const opened = await sp.incidents.create({ name: 'Typo', status: 'investigating' });
    const deleted = await sp.incidents.delete(opened.id!);
    expect(deleted).toMatchObject({ id: opened.id, name: 'Typo' });
    await expect(sp.incidents.get(opened.id!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('corrects an update already posted, inside its incident', async () => {
    const sp = client(await mock());
    const opened = await sp.incidents.open({ name: 'Slow API', status: 'investigating', body: 'Investigatign.' });
    const updateId = opened.incident_updates![0]!.id!;
    const edited = await sp.incidentUpdates.update(opened.id!, updateId, { body: 'Investigating.', deliver_notifications: false });
    expect(edited).toMatchObject({ id: updateId, body: 'Investigating.', deliver_notifications: false });
    expect((await sp.incidents.get(opened.id!)).incident_updates?.map((u) => u.body)).toEqual(['Investigating.']);
    await expect(sp.incidentUpdates.update(opened.id!, 'nosuchupdate', { body: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps an incident's postmortem: draft, publish (the incident shows it), revert, delete", async () => {
    const sp = client(await mock());
    const incident = await sp.incidents.create({ name: 'Gateway certificate', status: 'resolved' });
    await expect(sp.postmortems.get(incident.id!)).rejects.toBeInstanceOf(NotFoundError);
    await sp.postmortems.create(incident.id!, { body_draft: '## What happened' });
    expect(await sp.postmortems.get(incident.id!)).toMatchObject({ body_draft: '## What happened', body: null, published_at: null });
    const published = await sp.postmortems.publish(incident.id!, { notify_subscribers: false, notify_twitter: false });
    expect(published).toMatchObject({ body: '## What happened', published_at: expect.any(String) });
    expect(published).not.toHaveProperty('id');
    expect(await sp.incidents.get(incident.id!)).toMatchObject({ postmortem_body: '## What happened', postmortem_published_at: published.published_at });
    expect(await sp.postmortems.revert(incident.id!)).toMatchObject({ published_at: null });
    expect((await sp.incidents.get(incident.id!)).postmortem_body).toBeNull();
    await sp.postmortems.delete(incident.id!);
    await expect(sp.postmortems.get(incident.id!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts and lists the subscribers it has, by how they are notified and by their contact', async () => {
    const sp = client(await mock());
    await sp.subscribers.create({ email: 'ops@example.com' });
    await sp.subscribers.create({ email: 'dev@example.com' });
    const hook = await sp.subscribers.create({ endpoint: 'https://hooks.example.com/status', email: 'ops@example.com' });
    expect(hook.mode).toBe('webhook');
    expect(await sp.subscribers.count()).toEqual({ email: 2, sms: 0, webhook: 1, integration_partner: 0, slack: 0, teams: 0 });
    expect(await sp.subscribers.count({ type: 'webhook' })).toMatchObject({ email: 0, webhook: 1 });
    expect((await sp.subscribers.list({ type: 'webhook' }).toArray()).map((s) => s.id)).toEqual([hook.id]);
    expect((await sp.subscribers.list({ q: 'dev@' }).toArray()).map((s) => s.email)).toEqual(['dev@example.com']);
    expect(await sp.subscribers.list().toArray()).toHaveLength(3);
  });

  it("points a group's components at it, and at none once they leave it or it is deleted", async () => {
    const server = await mock();
    const sp = client(server);
    const [payments, checkout] = server.state().components!.map((c) => c.id as string);
    const groupOf = () => Object.fromEntries(server.state().components!.filter((c) => c.group !== true).map((c) => [c.name, c.group_id]));
    const group = await sp.componentGroups.create({ name: 'Payments', components: [payments!, checkout!] });
    expect(group).toMatchObject({ name: 'Payments', components: [payments, checkout], position: 1 });
    expect(groupOf()).toEqual({ 'Payments API': group.id, Checkout: group.id, Website: null });
    await sp.componentGroups.update(group.id!, { name: 'Payments', components: [payments!] });
    expect(groupOf()).toEqual({ 'Payments API': group.id, Checkout: null, Website: null });
    expect(await sp.componentGroups.delete(group.id!)).toMatchObject({ id: group.id });
    expect(groupOf()).toEqual({ 'Payments API': null, Checkout: null, Website: null });
  });

  it('lists a group among the components (`group: true`, under its identifier) until it is deleted; setStatus refuses its name', async () => {
    const server = await mock();
    const sp = client(server);
    const [payments, checkout] = server.state().components!.map((c) => c.id as string);
    const listed = async () => (await sp.components.list().toArray()).map((c) => ({ id: c.id, name: c.name, group: c.group, group_id: c.group_id }));
    const group = await sp.componentGroups.create({ name: 'Payments', components: [payments!, checkout!] });
    expect(await listed()).toEqual([
      { id: payments, name: 'Payments API', group: false, group_id: group.id },
      { id: checkout, name: 'Checkout', group: false, group_id: group.id },
      { id: expect.any(String), name: 'Website', group: false, group_id: null },
      { id: group.id, name: 'Payments', group: true, group_id: null },
    ]);
    // Only the fields of the official `Component` (no `components` list of a group).
    expect(Object.keys(server.state().components!.find((c) => c.id === group.id)!).sort()).toEqual(
      ['automation_email', 'created_at', 'description', 'group', 'group_id', 'id', 'name', 'only_show_if_degraded', 'page_id', 'position', 'showcase', 'start_date', 'status', 'updated_at'],
    );
    await sp.componentGroups.update(group.id!, { name: 'Card payments', components: [payments!] });
    expect((await listed()).find((c) => c.group)).toEqual({ id: group.id, name: 'Card payments', group: true, group_id: null });

    const refused = await sp.components.setStatus('Card payments', 'major_outage').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnknownComponentError);
    expect(refused).toMatchObject({ group: true, closeMatches: ['Payments API'] });
    await sp.components.setStatus('Checkout', 'partial_outage');
    expect(statuses(server)).toMatchObject({ Checkout: 'partial_outage', 'Card payments': 'operational' });

    await sp.componentGroups.delete(group.id!);
    expect((await listed()).map((c) => c.name)).toEqual(['Payments API', 'Checkout', 'Website']);
  });
});

describe('errors as Statuspage sends them', () => {
  it('answers an unknown component with its 404 body, a typed error in the client', async () => {
    const server = await mock();
    const error = await client(server).components.get('nope00000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
  });

  it('refuses a body that breaks the spec with 422 and the problems, and a missing key with 401', async () => {
    const server = await mock();
    const base = `${server.url}/pages/${STATUSPAGE_MOCK_PAGE_ID}`;
    const bad = await fetch(`${base}/components`, { method: 'POST', headers: { authorization: 'OAuth k', 'content-type': 'application/json' }, body: JSON.stringify({ component: { status: 'broken' } }) });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { message: string; errors: string[] };
    expect(body.message).toBe('Unprocessable entity');
    expect(body.errors.join(' ')).toMatch(/status/);
    expect((await fetch(`${base}/components`)).status).toBe(401);
    expect(server.state().components).toHaveLength(3);
  });
});

describe('the rate limit and faults', () => {
  it('refuses a second request within the second with 420 and Retry-After; the client waits it out and loses nothing', async () => {
    const server = await mock({ rateLimit: true });
    const sp = client(server);
    const [a, b] = await Promise.all([sp.components.setStatus('Website', 'under_maintenance'), sp.components.list().toArray()]);
    expect(a.status).toBe('under_maintenance');
    expect(b).toHaveLength(3);
    const answered = server.requests.map((r) => r.status);
    expect(answered).toContain(420);
    expect(answered.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses(server).Website).toBe('under_maintenance');
  }, 20_000);

  it('fails the requests asked for, and the client retries them', async () => {
    const server = await mock();
    server.failNext(503);
    server.failNext('reset');
    const components = await client(server, { maxRetries: 3 }).components.list().toArray();
    expect(components).toHaveLength(3);
    expect(server.requests.map((r) => r.status)).toEqual([503, 0, 200]);
  });

  it('fails the first requests as the options queue them, again after a reset', async () => {
    const server = await mock({ faults: { queue: [429, 503] } });
    const get = () => fetch(`${server.url}/pages/${STATUSPAGE_MOCK_PAGE_ID}`, { headers: { authorization: 'OAuth k' } });
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([429, 503, 200]);
    server.reset();
    const first = await get();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
  });

  it('answers slowly when asked, so a client’s timeout and retry can be tested', async () => {
    const server = await mock({ faults: { slowMs: 5_000 } });
    server.failNext('slow');
    const started = Date.now();
    const components = await client(server, { timeoutMs: 300, maxRetries: 1 }).components.list().toArray();
    expect(components).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
    // The timed-out attempt was given up on, not waited for: the slow answer would have taken 5 s.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('fails the same share of requests for the same seed', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const server = await mock({ faults: { rate: 0.5, kinds: [429, 503], seed: 7 } });
      for (let n = 0; n < 12; n++) await fetch(`${server.url}/pages/${STATUSPAGE_MOCK_PAGE_ID}`, { headers: { authorization: 'OAuth k' } });
      runs.push(server.requests.map((r) => r.status));
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]!.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(runs[0]!.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});

describe('seed data', () => {
  it('refuses a component without a name with a ConfigurationError, as a rejected promise', async () => {
    const started = startStatefulMock('statuspage', { seed: { components: [{ status: 'major_outage' } as never] } });
    await expect(started).rejects.toThrow(/seed\.components\[0\] needs a name/);
  });
});

describe('inspection, reset and isolation', () => {
  it('logs requests with the key redacted, resets to the seed, and keeps two servers apart', async () => {
    const one = await mock();
    const two = await startMockServer('statuspage', { stateful: true });
    servers.push(two);
    await client(one).components.create({ name: 'Search' });
    expect(one.state().components).toHaveLength(4);
    expect(two.state().components!.map((c) => c.name)).toEqual(['API', 'Website']);
    expect(JSON.stringify(one.requests)).not.toContain('sp-test-key-0001');
    expect(one.requests[0]).toMatchObject({ method: 'POST', operationId: 'components_create', status: 201 });
    const overHttp = (await (await fetch(`${one.url}/__mock/requests`)).json()) as unknown[];
    expect(overHttp).toHaveLength(1);
    await fetch(`${one.url}/__mock/reset`, { method: 'POST' });
    expect(one.state().components).toHaveLength(3);
    expect(one.requests).toHaveLength(0);
  });
});
