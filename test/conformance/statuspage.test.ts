/**
 * The requests python-statuspageio sends (its documentation, ../shared/seeds/004: "Resources and actions"),
 * replayed against the Statuspage mock with plain fetch as it sends them: paths with `.json`, `Authorization:
 * OAuth <key>`, JSON bodies in the resource's envelope. Each must be answered as Atlassian's own OpenAPI document
 * says (status, media type), with bare objects and arrays, and a client that asks for page after page of a paged
 * list until an empty one must reach it.
 */
import { describe, expect, inject, it } from 'vitest';
import { officialDocuments, officiallyTakes, officialSuccess, pagesToEnd, replay, type Replayed } from './replay.js';

const base = inject('prism').statuspage as string;
const official = officialDocuments('statuspage/statuspage-official-openapi.json');
const headers = { Authorization: 'OAuth conformance-key', 'Content-Type': 'application/json', Accept: 'application/json' };
const PAGE = 'kctbh9vrtdwd';
const ORG = 'o5yq2cs3j9n1';

const call = (name: string, method: string, path: string, body?: unknown): Replayed => ({ call: name, method, path, headers, ...(body === undefined ? {} : { body }) });

// python-statuspageio's actions, with the paths its documentation gives (`Calls …`). Its documentation prints the
// incident and subscriber deletes without the id (`delete pages/{page_id}/incidents.json`); the client sends the id.
const REQUESTS: Replayed[] = [
  call('page.get', 'GET', `/pages/${PAGE}.json`),
  call('page.update', 'PATCH', `/pages/${PAGE}.json`, { page: { name: 'Acme Status' } }),
  call('components.list', 'GET', `/pages/${PAGE}/components.json`),
  call('components.create', 'POST', `/pages/${PAGE}/components.json`, { component: { name: 'Checkout API', status: 'operational' } }),
  call('components.get', 'GET', `/pages/${PAGE}/components/ftgks51sfs2d.json`),
  call('components.update', 'PATCH', `/pages/${PAGE}/components/ftgks51sfs2d.json`, { component: { status: 'major_outage' } }),
  call('components.delete', 'DELETE', `/pages/${PAGE}/components/ftgks51sfs2d.json`),
  call('incidents.create', 'POST', `/pages/${PAGE}/incidents.json`, { incident: { name: 'Elevated error rates', status: 'investigating', body: 'We are looking into it.' } }),
  call('incidents.create_scheduled', 'POST', `/pages/${PAGE}/incidents.json`, { incident: { name: 'Database upgrade', status: 'scheduled', scheduled_for: '2026-12-01T02:00:00.000Z', scheduled_until: '2026-12-01T03:00:00.000Z' } }),
  call('incidents.list', 'GET', `/pages/${PAGE}/incidents.json`),
  call('incidents.list_scheduled', 'GET', `/pages/${PAGE}/incidents/scheduled.json`),
  call('incidents.list_unresolved', 'GET', `/pages/${PAGE}/incidents/unresolved.json`),
  call('incidents.update', 'PATCH', `/pages/${PAGE}/incidents/p31zjtct2jer.json`, { incident: { status: 'resolved', body: 'Fixed.' } }),
  call('incidents.delete', 'DELETE', `/pages/${PAGE}/incidents/p31zjtct2jer.json`),
  call('metrics.create', 'POST', `/pages/${PAGE}/metrics_providers/r4wfpdbsq0dy/metrics.json`, { metric: { name: 'API latency', metric_identifier: 'latency' } }),
  call('metrics.delete', 'DELETE', `/pages/${PAGE}/metrics/9jzn0tbyfcc6.json`),
  call('metrics.delete_all_data', 'DELETE', `/pages/${PAGE}/metrics/9jzn0tbyfcc6/data.json`),
  call('metrics.list_linked', 'GET', `/pages/${PAGE}/metrics_providers.json`),
  call('metrics.list_metrics_for_provider', 'GET', `/pages/${PAGE}/metrics_providers/r4wfpdbsq0dy/metrics.json`),
  call('metrics.submit_data', 'POST', `/pages/${PAGE}/metrics/9jzn0tbyfcc6/data.json`, { data: { timestamp: 1724144400, value: 42.5 } }),
  call('subscribers.create', 'POST', `/pages/${PAGE}/subscribers.json`, { subscriber: { email: 'ops@example.com' } }),
  call('subscribers.delete', 'DELETE', `/pages/${PAGE}/subscribers/s4kz3ds1x8r5.json`),
  call('subscribers.list', 'GET', `/pages/${PAGE}/subscribers.json`),
  call('users.create', 'POST', `/organizations/${ORG}/users.json`, { user: { email: 'ops@example.com', first_name: 'Ops', last_name: 'Team' } }),
  call('users.delete', 'DELETE', `/organizations/${ORG}/users/8v4wmgfbrf6x.json`),
  call('users.list', 'GET', `/organizations/${ORG}/users.json`),
];

/** The same list one page further (`page`, counted from 1; subscribers from 0), as a client that pages would ask. */
function nextPage(path: string, page: number): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('page', String(page));
  return url.pathname + url.search;
}

describe('python-statuspageio against the Statuspage mock', () => {
  it.each(REQUESTS.map((request) => [request.call, request] as const))('%s', async (_name, request) => {
    const answer = await replay(base, request);
    const expected = officialSuccess(official, request.method, request.path);
    // GET /metrics_providers.json (list_available) is not in Atlassian's current document; everything else is.
    expect(expected, 'Atlassian documents this operation').toBeDefined();
    expect(answer.status).toBe(expected!.status);
    if (expected!.status === 204) return expect(answer.text).toBe('');
    expect(answer.mediaType).toBe('application/json');
    if (!Array.isArray(answer.json)) return expect(Object.keys(answer.json as object).length).toBeGreaterThan(0);
    // A list Atlassian pages (it takes `page`): ask for the next page until an empty one comes.
    if (!officiallyTakes(official, request.method, request.path, 'page')) return;
    const start = request.path.includes('/subscribers') ? 0 : 1;
    let page = start;
    const { pages } = await pagesToEnd(
      answer,
      (last) => ((last.json as unknown[]).length ? nextPage(request.path, ++page) : null),
      (path) => replay(base, { ...request, path }),
    );
    expect(pages.at(-1)!.json).toEqual([]);
  });

  it('metrics.list_available: GET /metrics_providers.json (the 2013-2016 documentation) answers the providers', async () => {
    const answer = await replay(base, call('metrics.list_available', 'GET', '/metrics_providers.json'));
    expect(answer.status).toBe(200);
    expect(answer.json).toBeTypeOf('object');
  });

  it.each([
    [401, 'message'],
    [404, 'message'],
    [422, 'message'],
    [429, 'message'],
  ])('a forced %i answers Statuspage\'s error body', async (code, key) => {
    const answer = await replay(base, { ...call('components.update', 'PATCH', `/pages/${PAGE}/components/ftgks51sfs2d.json`, { component: { status: 'operational' } }), headers: { ...headers, Prefer: `code=${code}` } });
    expect(answer.status).toBe(code);
    expect((answer.json as Record<string, unknown>)[key]).toEqual(expect.any(String));
    expect(answer.text).not.toContain('"string"');
  });
});
