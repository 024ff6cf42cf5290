/**
 * Every Statuspage service method against Prism serving specs/statuspage.yaml. Prism refuses (422/401) a request
 * the spec does not allow (a missing envelope, a bad enum, no OAuth header), so a pass proves the client sends
 * what the spec describes.
 */
import { describe, expect, inject, it } from 'vitest';
import { RequestError, StatuspageClient } from '@apiclients/statuspage';

const baseUrl = inject('prism').statuspage as string;
const sp = new StatuspageClient({ baseUrl, apiKey: 'contract-test-key', pageId: 'kctbh9vrtdwd', organizationId: 'org1' });
// One page of each list is enough here; test/paging pages every list of every mock to its end.
const first = <T>(list: { take(n: number): { toArray(): Promise<T[]> } }) => list.take(1).toArray();

describe('Statuspage against Prism', () => {
  it('page', async () => {
    expect((await sp.page.get()).id).toBeTypeOf('string');
    expect(await sp.page.update({ body: { name: 'Status' } })).toHaveProperty('id');
  });

  it('components', async () => {
    expect(await first(sp.components.list())).toHaveLength(1);
    const created = await sp.components.create({ body: { name: 'API', status: 'operational' } });
    expect(created).toHaveProperty('id');
    expect(await sp.components.get({ componentId: 'c1' })).toHaveProperty('status');
    expect(await sp.components.update({ componentId: 'c1', body: { status: 'degraded_performance' } })).toHaveProperty('id');
    await sp.components.delete({ componentId: 'c1' });
  });

  it('incidents', async () => {
    for (const list of [sp.incidents.list(), sp.incidents.listUnresolved(), sp.incidents.listScheduled(), sp.incidents.listUpcoming(), sp.incidents.listActiveMaintenance()]) {
      expect(Array.isArray(await first(list))).toBe(true);
    }
    expect(await sp.incidents.create({ body: { name: 'Outage', status: 'investigating', impact_override: 'major' } })).toHaveProperty('id');
    expect(await sp.incidents.createScheduled({ body: { name: 'Upgrade', scheduled_for: '2026-12-01T02:00:00Z', scheduled_until: '2026-12-01T03:00:00Z' } })).toHaveProperty('id');
    expect(await sp.incidents.get({ incidentId: 'i1' })).toHaveProperty('status');
    expect(await sp.incidents.update({ incidentId: 'i1', body: { status: 'resolved' } })).toHaveProperty('id');
    await sp.incidents.delete({ incidentId: 'i1' });
  });

  it('subscribers', async () => {
    expect(Array.isArray(await first(sp.subscribers.list()))).toBe(true);
    expect(await sp.subscribers.create({ body: { email: 'ops@example.com' } })).toHaveProperty('id');
    await sp.subscribers.delete({ subscriberId: 's1' });
  });

  it('metrics', async () => {
    expect(await sp.metrics.listAvailable()).toBeDefined();
    expect(Array.isArray(await sp.metrics.listLinked())).toBe(true);
    expect(Array.isArray(await first(sp.metrics.listMetricsForProvider({ metricsProviderId: 'mp1' })))).toBe(true);
    expect(await sp.metrics.create({ metricsProviderId: 'mp1', body: { name: 'Latency' } })).toHaveProperty('id');
    expect(await sp.metrics.submitData({ metricId: 'm1', body: { timestamp: 1_764_000_000, value: 42 } })).toBeDefined();
    await sp.metrics.deleteAllData({ metricId: 'm1' });
    await sp.metrics.delete({ metricId: 'm1' });
  });

  it('users', async () => {
    expect(Array.isArray(await first(sp.users.list()))).toBe(true);
    expect(await sp.users.create({ body: { email: 'new@example.com' } })).toHaveProperty('id');
    await sp.users.delete({ userId: 'u1' });
  });

  it('a refused key is a RequestError', async () => {
    const refused = new StatuspageClient({ baseUrl, apiKey: 'contract-test-key', pageId: 'p', organizationId: 'o', headers: { prefer: 'code=401' } });
    await expect(refused.page.get()).rejects.toBeInstanceOf(RequestError);
  });
});
