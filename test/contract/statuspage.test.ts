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
    expect(await sp.page.update({ name: 'Status' })).toHaveProperty('id');
  });

  it('components', async () => {
    expect(await first(sp.components.list())).toHaveLength(1);
    const created = await sp.components.create({ name: 'API', status: 'operational' });
    expect(created).toHaveProperty('id');
    expect(await sp.components.get('c1')).toHaveProperty('status');
    expect(await sp.components.update('c1', { status: 'degraded_performance' })).toHaveProperty('id');
    await sp.components.delete('c1');
  });

  it('incidents', async () => {
    for (const list of [sp.incidents.list(), sp.incidents.listUnresolved(), sp.incidents.listScheduled(), sp.incidents.listUpcoming(), sp.incidents.listActiveMaintenance()]) {
      expect(Array.isArray(await first(list))).toBe(true);
    }
    expect(await sp.incidents.create({ name: 'Outage', status: 'investigating', impact_override: 'major' })).toHaveProperty('id');
    expect(await sp.incidents.createScheduled({ name: 'Upgrade', scheduled_for: '2026-12-01T02:00:00Z', scheduled_until: '2026-12-01T03:00:00Z' })).toHaveProperty('id');
    expect(await sp.incidents.get('i1')).toHaveProperty('status');
    expect(await sp.incidents.update('i1', { status: 'resolved' })).toHaveProperty('id');
    await sp.incidents.delete('i1');
  });

  it('subscribers', async () => {
    expect(Array.isArray(await first(sp.subscribers.list()))).toBe(true);
    expect(await sp.subscribers.create({ email: 'ops@example.com' })).toHaveProperty('id');
    await sp.subscribers.delete('s1');
  });

  it('metrics', async () => {
    expect(await sp.metrics.listAvailable()).toBeDefined();
    expect(Array.isArray(await sp.metrics.listLinked())).toBe(true);
    expect(Array.isArray(await first(sp.metrics.listMetricsForProvider('mp1')))).toBe(true);
    expect(await sp.metrics.create('mp1', { name: 'Latency' })).toHaveProperty('id');
    expect(await sp.metrics.submitData('m1', { timestamp: 1_764_000_000, value: 42 })).toBeDefined();
    await sp.metrics.deleteAllData('m1');
    await sp.metrics.delete('m1');
  });

  it('users', async () => {
    expect(Array.isArray(await first(sp.users.list()))).toBe(true);
    expect(await sp.users.create({ email: 'new@example.com' })).toHaveProperty('id');
    await sp.users.delete('u1');
  });

  it('a refused key is a RequestError', async () => {
    const refused = new StatuspageClient({ baseUrl, apiKey: 'contract-test-key', pageId: 'p', organizationId: 'o', headers: { prefer: 'code=401' } });
    await expect(refused.page.get()).rejects.toBeInstanceOf(RequestError);
  });
});
