/**
 * The front the kit puts before Prism: what each vendor's real API accepts is accepted, and the answers carry the
 * real wire format where Prism alone cannot (src/vendor-quirks.ts). Real Prism, real sockets, plain fetch.
 */
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_VENDORS, startMockServer, type MockServer, type MockVendor } from '../src/index.js';

const mocks: Partial<Record<MockVendor, MockServer>> = {};
beforeAll(async () => {
  const started = await Promise.all(MOCK_VENDORS.map(async (vendor) => [vendor, await startMockServer(vendor)] as const));
  Object.assign(mocks, Object.fromEntries(started));
}, 120_000);
afterAll(() => Promise.all(Object.values(mocks).map((mock) => mock.stop())));

const url = (vendor: keyof typeof mocks, path: string) => `${mocks[vendor]!.url}${path}`;

describe('statuspage: the .json paths of python-statuspageio', () => {
  const auth = { authorization: 'OAuth test-key' };
  // Every path python-statuspageio 0.0.1 calls (its docs, "Resources and actions"), with and without `.json`.
  const paths = [
    '/pages/p1.json',
    '/pages/p1/components.json',
    '/pages/p1/components/c1.json',
    '/pages/p1/incidents.json',
    '/pages/p1/incidents/scheduled.json',
    '/pages/p1/incidents/unresolved.json',
    '/pages/p1/subscribers.json',
    '/metrics_providers.json',
    '/pages/p1/metrics_providers.json',
    '/organizations/o1/users.json',
  ];
  it.each(paths)('GET %s answers as the path without .json does', async (path) => {
    const [suffixed, plain] = await Promise.all([fetch(url('statuspage', path), { headers: auth }), fetch(url('statuspage', path.replace(/\.json$/, '')), { headers: auth })]);
    expect(suffixed.status).toBe(200);
    expect(await suffixed.json()).toEqual(await plain.json());
  });

  it('/incidents/unresolved.json is the list of unresolved incidents, not GET /incidents/{incident_id}', async () => {
    const response = await fetch(url('statuspage', '/pages/p1/incidents/unresolved.json'), { headers: auth });
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it('a write with .json and its envelope is accepted too', async () => {
    const response = await fetch(url('statuspage', '/pages/p1/components/c1.json'), {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ component: { status: 'major_outage' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('id');
  });
});

describe('vspark: format= chooses the media type, whatever Accept says', () => {
  it('format=csv with Accept */* (python-requests) answers CSV, heading first', async () => {
    const response = await fetch(url('vspark', '/status/co1/co1-orgA/Test01?token=t&format=csv'), { headers: { accept: '*/*' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await response.text()).split('\n')[0]).toContain('mode');
  });

  it('format=json with Accept text/csv answers JSON', async () => {
    const response = await fetch(url('vspark', '/status?token=t&format=json'), { headers: { accept: 'text/csv' } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toBeTypeOf('object');
  });
});

describe('vss: the token request', () => {
  it('Basic credentials with a JSON body {"otp": null} get a token', async () => {
    const response = await fetch(url('vss', '/auth/request-token'), {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('user:secret').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ otp: null }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('token');
  });
});

describe('links lead back to the mock', () => {
  it('vss: no URL of the real host in a list, and next_url starts with the mock origin', async () => {
    const response = await fetch(url('vss', '/request/change?expand=1'), { headers: { authorization: 'Bearer t' } });
    const text = await response.text();
    expect(text).not.toContain('vss-api.eis.utoronto.ca');
    const next = (JSON.parse(text) as { meta: { pages: { next_url: string | null } } }).meta.pages.next_url;
    expect(next?.startsWith(`${mocks.vss!.url}/request/change?`)).toBe(true);
  });

  it('the origin is the one the client used (Host: localhost)', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const probe = request({ host: '127.0.0.1', port: mocks.vss!.port, path: '/request', headers: { host: `localhost:${mocks.vss!.port}`, authorization: 'Bearer t' } }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
      });
      probe.once('error', reject).end();
    });
    expect(JSON.parse(body)._links.self).toBe(`http://localhost:${mocks.vss!.port}/request`);
  });

  it('spark: a list has a Link rel="next" to the same request on the mock, the page it leads to has none', async () => {
    const auth = { authorization: 'Bearer t' };
    const first = await fetch(url('spark', '/rooms?max=2&type=group'), { headers: auth });
    const link = first.headers.get('link');
    expect(link).toMatch(new RegExp(`^<${mocks.spark!.url}/rooms\\?max=2&type=group&after=[\\w-]+>; rel="next"$`));
    const next = await fetch(link!.slice(1, link!.indexOf('>')), { headers: auth });
    expect(next.status).toBe(200);
    expect(next.headers.get('link')).toBeNull();
    // Not a list: no Link at all (Prism would send the header's placeholder).
    expect((await fetch(url('spark', '/rooms/r1'), { headers: auth })).headers.get('link')).toBeNull();
  });
});

describe('spark: headers as Webex sends them', () => {
  it('a new TrackingID on every answer, errors and successes alike', async () => {
    const answers = await Promise.all([fetch(url('spark', '/people/me'), { headers: { authorization: 'Bearer t' } }), fetch(url('spark', '/people/me'), { headers: { authorization: 'Bearer t' } })]);
    const ids = answers.map((answer) => answer.headers.get('trackingid'));
    for (const id of ids) expect(id).toMatch(/^ROUTER_[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('a 401 is an empty text/plain; charset=utf-8 body', async () => {
    const response = await fetch(url('spark', '/people/me'));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('');
  });
});

describe('paging that ends', () => {
  it('spark: the next link leads to the last page, empty and with no next link', async () => {
    const first = await fetch(url('spark', '/people?displayName=Harold'), { headers: { authorization: 'Bearer t' } });
    const link = first.headers.get('link')!;
    const last = await fetch(link.slice(1, link.indexOf('>')), { headers: { authorization: 'Bearer t' } });
    expect(last.headers.get('link')).toBeNull();
    expect(await last.json()).toEqual({ items: [] });
  });

  it('vss: next_url leads to a page whose next_url is null', async () => {
    const auth = { authorization: 'Bearer t' };
    const first = (await (await fetch(url('vss', '/request/change?expand=1&per_page=1'), { headers: auth })).json()) as { meta: { pages: { next_url: string } } };
    const last = (await (await fetch(first.meta.pages.next_url, { headers: auth })).json()) as { data: unknown[]; meta: { pages: { next_url: null; page: number; pages: number } } };
    expect(last.data).toHaveLength(1);
    expect(last.meta.pages).toMatchObject({ next_url: null });
    expect(last.meta.pages.page).toBe(last.meta.pages.pages);
  });

  it('statuspage: a page past the first is an empty array (subscribers count from 0), page 1 is the example', async () => {
    const auth = { authorization: 'OAuth k' };
    const body = async (path: string) => (await fetch(url('statuspage', path), { headers: auth })).json();
    expect(await body('/pages/p1/components?page=2')).toEqual([]);
    expect(await body('/pages/p1/components.json?page=2&per_page=2')).toEqual([]);
    expect(await body('/pages/p1/subscribers?page=1')).toEqual([]);
    expect((await body('/pages/p1/subscribers?page=0')) as unknown[]).not.toHaveLength(0);
    expect((await body('/pages/p1/components?page=1')) as unknown[]).not.toHaveLength(0);
  });

  it('a Prefer header the client sends wins over the last page', async () => {
    const response = await fetch(url('statuspage', '/pages/p1/components?page=2'), { headers: { authorization: 'OAuth k', prefer: 'example=components' } });
    expect((await response.json()) as unknown[]).not.toHaveLength(0);
  });
});

describe('the front runs in the Prism process, not in yours', () => {
  it('answers while this process is blocked in execFileSync (a CLI under test calling the mock)', () => {
    const program = `fetch(${JSON.stringify(url('vspark', '/config?token=t'))}).then((r) => process.stdout.write(String(r.status)))`;
    expect(execFileSync(process.execPath, ['-e', program], { encoding: 'utf8', timeout: 30_000 })).toBe('200');
  });
});
