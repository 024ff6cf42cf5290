// The browser bundles run in a context that has only the Web platform's globals (no process, Buffer, require):
// each client, bundled as a browser app would bundle it, calls its vendor's local fake over real HTTP.
import { createContext, runInContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import * as spark from '../../packages/spark/test/fake-spark.js';
import * as statuspage from '../../packages/statuspage/test/fake-statuspage.js';
import * as vspark from '../../packages/vspark/test/fake-vspark.js';
import * as vss from '../../packages/vss/test/fake-vss.js';
import { cleanUp, startedForThisTest } from '../lib/for-this-test.js';
import { bundleForBrowser, type PackageName } from './bundle-for-browser.js';

// What a browser (or a Web worker) offers; the fetch is the host's, as a page's would be.
const WEB_GLOBALS = [
  'fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'File', 'URL', 'URLSearchParams', 'AbortController',
  'AbortSignal', 'DOMException', 'Event', 'EventTarget', 'TextEncoder', 'TextDecoder', 'crypto', 'setTimeout',
  'clearTimeout', 'btoa', 'atob', 'console',
] as const;

// Loosely typed on purpose: this is the bundle's export object, as a browser page would see it.
type Exports = Record<string, new (options: Record<string, unknown>) => any>;

/** The package's browser bundle, evaluated in a fresh context holding only {@link WEB_GLOBALS}. */
async function loadInPlainContext(name: PackageName): Promise<Exports> {
  const { code } = await bundleForBrowser(name, 'iife', 'apiclients');
  const context = createContext(Object.fromEntries(WEB_GLOBALS.map((g) => [g, globalThis[g]])));
  expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe('undefinedundefinedundefined');
  runInContext(code, context);
  return (context as { apiclients: Exports }).apiclients;
}

afterEach(cleanUp);
const started = startedForThisTest;

describe('browser bundles in a plain Web context', () => {
  it('spark: pages rooms, raises its typed errors, and refuses a local path before any request', async () => {
    const fake = await started(spark.startFakeSpark());
    const api = await loadInPlainContext('spark');
    const client = new api.SparkClient!({ accessToken: spark.TOKEN, baseUrl: fake.url });
    const rooms = await client.rooms.list({ max: 2 }).toArray();
    expect(rooms.map((r: { id: string }) => r.id)).toEqual(['room1', 'room2', 'room3', 'room4', 'room5']);
    const notFound = await client.rooms.get('nope').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(api.SparkApiError!);
    expect(notFound.trackingId).toBe('ROUTER_404');
    const requests = fake.requests.length;
    const refused = await client.messages.create({ roomId: 'r1', files: './report.pdf' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(api.LocalPathNotSupportedError!);
    expect(fake.requests).toHaveLength(requests);
  });

  it('statuspage: lists every component across pages', async () => {
    const fake = await started(statuspage.startFakeStatuspage());
    const api = await loadInPlainContext('statuspage');
    const client = new api.StatuspageClient!({ apiKey: statuspage.API_KEY, pageId: statuspage.PAGE_ID, organizationId: statuspage.ORG_ID, baseUrl: fake.url });
    expect(await client.components.list().toArray()).toHaveLength(statuspage.COMPONENTS);
  });

  it('vss: logs in with HTTP Basic (btoa, TextEncoder) and lists requests', async () => {
    const fake = await started(vss.startFakeVss({ total: 30 }));
    const api = await loadInPlainContext('vss');
    const { VssClient } = api as unknown as { VssClient: Exports[string] & { login(o: object): Promise<string> } };
    const token = await VssClient.login({ ...vss.USER, baseUrl: `${fake.url}/v2` });
    expect(token).toBe(vss.TOKEN);
    const urls = await new VssClient({ token, baseUrl: `${fake.url}/v2` }).requests.list('change', { per_page: 10 }).toArray();
    expect(urls).toHaveLength(30);
  });

  it('vspark: reads /config with the token in the query', async () => {
    const fake = await started(vspark.startFakeVSpark());
    const api = await loadInPlainContext('vspark');
    const client = new api.VSparkClient!({ host: fake.host, token: vspark.ROOT_TOKEN });
    expect(Object.keys(await client.config.companies())).toEqual(Object.keys(vspark.COMPANY_TOKENS));
  });
});
