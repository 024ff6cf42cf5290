/**
 * One table row per vendor client: how to build it against the fault server, its credential forms, and a few
 * representative calls (idempotent, non-idempotent, with each kind of body, a list). The reliability tests are
 * written once against this table and run for every row.
 */
import type { CallOptions, CommonClientOptions } from '@apiclients/core';
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';
import { reply, type RecordedRequest, type Reply } from './fault-server.js';

/** One call a test can make, with a reply that makes it succeed. */
export interface VendorCall {
  name: string;
  /** Whether the client may replay it after the server may have acted (by the spec's policy). */
  idempotent: boolean;
  /** The kind of body it sends. */
  body: 'none' | 'json' | 'form' | 'multipart';
  /** Makes the call with a fresh client on `baseUrl` (the fault server). */
  run(baseUrl: string, options?: CommonClientOptions, call?: CallOptions): Promise<unknown>;
  /** One client on `baseUrl`, and a function making the call with it as often as wanted (load tests). */
  bind?(baseUrl: string, options?: CommonClientOptions): (call?: CallOptions) => Promise<unknown>;
  /** A reply the call accepts as success. */
  ok: Reply;
}

/** A call that can also be bound to one client. */
export type BoundCall = VendorCall & Required<Pick<VendorCall, 'bind'>>;

/** A list (or the vendor's nearest thing to one) and how its pages look on the wire. */
export interface VendorList {
  /** Iterates the list with a fresh client; resolves to every item. */
  run(baseUrl: string, options?: CommonClientOptions, call?: { signal?: AbortSignal; maxPages?: number }): Promise<unknown[]>;
  /**
   * A page of two items that links on to `next` (absolute or relative), or ends when `next` is null. Statuspage
   * numbers its pages instead (the client asks for the next number while pages are full), so it ignores `next`.
   * Absent for V-Spark, which has no paged list.
   */
  page?(items: unknown[], next: string | null): Reply;
  /** Whether the server chooses the next URL (Link header or body), so that it can send a hostile one. */
  serverLinks: boolean;
}

/** A vendor client as the reliability tests see it. */
export interface VendorSetup {
  name: 'spark' | 'statuspage' | 'vss' | 'vspark';
  /** Strings that must never appear in an error, a log line or a request to another origin. */
  secrets: string[];
  /** Whether a recorded request carries the client's credential (header or query). */
  carriesCredential(request: RecordedRequest): boolean;
  /** Statuses the vendor treats as rate limits. */
  rateLimitStatuses: number[];
  /** Wait used when a rate limit's Retry-After is missing or malformed, in ms. */
  rateLimitFallbackMs: number;
  /** An idempotent GET. */
  get: BoundCall;
  /** Every call worth checking for retries, bodies and leaks: the non-idempotent ones, those with a body, the GET. */
  calls: VendorCall[];
  list: VendorList;
  /** Plain-JS misuse: each must fail with an error naming `argument`, before any request. */
  misuse: { argument: string; run(baseUrl: string): Promise<unknown> | unknown }[];
}

const SPARK_TOKEN = 'spark-token-Zm9vYmFyMTIz';
const STATUSPAGE_KEY = 'statuspage-key-8f14e45fceea167a';
const VSS_TOKEN = 'vss-token-eyJhbGciOiJIUzI1NiJ9.c2VjcmV0';
const VSS_USER = { username: 'jdoe', password: 'pa55-w0rd:with colon' };
const VSS_BASIC = Buffer.from(`${VSS_USER.username}:${VSS_USER.password}`).toString('base64');
const VSPARK_TOKEN = 'c0ffee00-1234-4abc-9def-0123456789ab';

const bearerOf = (request: RecordedRequest) => request.headers.authorization !== undefined;
const pageOfItems = (items: unknown[], next: string | null): Reply =>
  reply.json({ items }, 200, next === null ? {} : { link: `<${next}>; rel="next"` });

// A small binary file (every byte value) so that multipart bodies are compared byte for byte.
const FILE_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

const spark = (baseUrl: string, options: CommonClientOptions = {}) => new SparkClient({ accessToken: SPARK_TOKEN, baseUrl, ...options });
const statuspage = (baseUrl: string, options: CommonClientOptions = {}) =>
  new StatuspageClient({ apiKey: STATUSPAGE_KEY, pageId: 'page1', organizationId: 'org1', baseUrl, ...options });
const vss = (baseUrl: string, options: CommonClientOptions = {}) => new VssClient({ token: VSS_TOKEN, baseUrl: `${baseUrl}/v2`, ...options });
const vspark = (baseUrl: string, options: CommonClientOptions = {}) => new VSparkClient({ token: VSPARK_TOKEN, baseUrl, ...options });

/** An idempotent GET: one client per `bind()`, then the call as often as wanted. */
function getCall<C>(
  name: string,
  make: (url: string, o?: CommonClientOptions) => C,
  call: (client: C, c: CallOptions | undefined) => Promise<unknown>,
  ok: Reply,
): BoundCall {
  const bind = (url: string, o?: CommonClientOptions) => {
    const client = make(url, o);
    return (c?: CallOptions) => call(client, c);
  };
  return { name, idempotent: true, body: 'none', bind, run: (url, o, c) => bind(url, o)(c), ok };
}

const sparkGet = getCall('people.get', spark, (client, c) => client.people.get('p1', {}, c), reply.json({ id: 'p1', emails: ['a@example.test'] }));
const statuspageGet = getCall('components.get', statuspage, (client, c) => client.components.get('c1', c), reply.json({ id: 'c1', name: 'API' }));
// requests.get takes only { signal } in its types; at run time the call options pass through whole.
const vssGet = getCall('requests.get', vss, (client, c) => client.requests.get('change', 1, (c ?? {}) as { signal?: AbortSignal }), reply.json({ data: { id: 1, status: 'PROCESSED' } }));
const vsparkGet = getCall(
  'status.folder',
  vspark,
  (client, c) => client.status.folder('co', 'org', 'f1', {}, c),
  reply.json({ co: { org: { f1: { processed: 1 } } } }),
);

export const VENDORS: VendorSetup[] = [
  {
    name: 'spark',
    secrets: [SPARK_TOKEN],
    carriesCredential: bearerOf,
    rateLimitStatuses: [429],
    rateLimitFallbackMs: 15_000,
    get: sparkGet,
    calls: [
      {
        name: 'rooms.create',
        idempotent: false,
        body: 'json',
        run: (url, o, c) => spark(url, o).rooms.create({ title: 'Ops • 3 a.m. ☕' }, c),
        ok: reply.json({ id: 'r1', title: 'Ops' }),
      },
      {
        name: 'messages.create (multipart file)',
        idempotent: false,
        body: 'multipart',
        run: (url, o, c) =>
          spark(url, o).messages.create({ roomId: 'r1', text: 'log attached', files: { data: FILE_BYTES, filename: 'log.bin' } }, c),
        ok: reply.json({ id: 'm1', roomId: 'r1' }),
      },
      {
        name: 'accessTokens.refresh (form)',
        idempotent: false,
        body: 'form',
        run: (url, o, c) => spark(url, o).accessTokens.refresh({ client_id: 'cid', client_secret: 'client-secret-xyz', refresh_token: 'refresh-abc' }, c),
        ok: reply.json({ access_token: 'new-token', expires_in: 1209600 }),
      },
      {
        name: 'rooms.update',
        idempotent: true,
        body: 'json',
        run: (url, o, c) => spark(url, o).rooms.update('r1', { title: 'Renamed' }, c),
        ok: reply.json({ id: 'r1', title: 'Renamed' }),
      },
      sparkGet,
    ],
    list: {
      run: (url, o, c = {}) => spark(url, o).people.list({ max: 2 }, c).toArray(),
      page: pageOfItems,
      serverLinks: true,
    },
    misuse: [
      { argument: 'personId', run: (url) => spark(url).people.get(42n as never) },
      { argument: 'type', run: (url) => spark(url).rooms.list({ type: 'secret-rooms' } as never).toArray() },
      { argument: 'max', run: (url) => spark(url).people.list({ max: 'ten' } as never).toArray() },
      { argument: 'files', run: (url) => spark(url).messages.create({ roomId: 'r1', files: [FILE_BYTES, FILE_BYTES] }) },
      { argument: 'files', run: (url) => spark(url).messages.create({ roomId: 'r1', files: 42 as never }) },
    ],
  },
  {
    name: 'statuspage',
    secrets: [STATUSPAGE_KEY],
    carriesCredential: bearerOf,
    rateLimitStatuses: [420, 429],
    rateLimitFallbackMs: 1_000,
    get: statuspageGet,
    calls: [
      {
        name: 'components.create',
        idempotent: false,
        body: 'json',
        run: (url, o, c) => statuspage(url, o).components.create({ name: 'API ✓', description: 'line\nbreak' }, c),
        ok: reply.json({ id: 'c9', name: 'API' }, 201),
      },
      {
        name: 'components.update',
        idempotent: true,
        body: 'json',
        run: (url, o, c) => statuspage(url, o).components.update('c1', { status: 'major_outage' }, c),
        ok: reply.json({ id: 'c1', status: 'major_outage' }),
      },
      statuspageGet,
    ],
    list: {
      run: (url, o, c = {}) => statuspage(url, o).components.list({ per_page: 2 }, c).toArray(),
      page: (items) => reply.json(items),
      serverLinks: false,
    },
    misuse: [
      { argument: 'component_id', run: (url) => statuspage(url).components.get({ id: 'c1' } as never) },
      { argument: 'type', run: (url) => statuspage(url).subscribers.list({ type: 'pigeon' } as never).toArray() },
      { argument: 'per_page', run: (url) => statuspage(url).components.list({ per_page: 1.5 } as never).toArray() },
    ],
  },
  {
    name: 'vss',
    secrets: [VSS_TOKEN, VSS_USER.password, VSS_BASIC, `${VSS_USER.username}:${VSS_USER.password}`],
    carriesCredential: bearerOf,
    rateLimitStatuses: [429],
    rateLimitFallbackMs: 1_000,
    get: vssGet,
    calls: [
      {
        name: 'VssClient.login (HTTP Basic)',
        idempotent: false,
        body: 'none',
        run: (url, o, c) => VssClient.login({ ...VSS_USER, baseUrl: `${url}/v2`, ...o, ...(c?.signal ? { signal: c.signal } : {}) }),
        ok: reply.json({ token: 'fresh-token' }),
      },
      vssGet,
    ],
    list: {
      run: (url, o, c = {}) => vss(url, o).requests.list('change', { per_page: 2 }, c).toArray(),
      page: (items, next) => reply.json({ data: items, meta: { pages: { next_url: next } } }),
      serverLinks: true,
    },
    misuse: [
      { argument: 'type', run: (url) => vss(url).requests.list('changes' as never).toArray() },
      { argument: 'id', run: (url) => vss(url).requests.get('change', 'one' as never) },
      { argument: 'per_page', run: (url) => vss(url).requests.list('change', { per_page: 0 }).toArray() },
      { argument: 'filter', run: (url) => vss(url).requests.list('change', { filter: [['status', 'is', 'ERROR']] as never }).toArray() },
    ],
  },
  {
    name: 'vspark',
    secrets: [VSPARK_TOKEN],
    carriesCredential: (request) => new URL(request.url, 'http://x').searchParams.has('token'),
    rateLimitStatuses: [429],
    rateLimitFallbackMs: 1_000,
    get: vsparkGet,
    // V-Spark's API is read-only: every operation is an idempotent GET.
    calls: [vsparkGet],
    list: {
      // No paged list: walk() is the loop (config, then every folder).
      run: async (url, o, c = {}) => {
        const all: unknown[] = [];
        for await (const folder of vspark(url, o).walk(c)) all.push(folder);
        return all;
      },
      serverLinks: false,
    },
    misuse: [
      { argument: 'format', run: (url) => vspark(url).status.all({ format: 'xml' } as never) },
      { argument: 'company', run: (url) => vspark(url).status.company(['co'] as never) },
      { argument: 'host', run: () => new VSparkClient({ token: VSPARK_TOKEN, host: 4013 as never }) },
    ],
  },
];

/** The vendor rows with a non-idempotent call. */
export const nonIdempotentCalls = () =>
  VENDORS.flatMap((vendor) => vendor.calls.filter((c) => !c.idempotent).map((call) => ({ vendor, call })));
/** The vendor rows' calls that send a body. */
export const callsWithBodies = () => VENDORS.flatMap((vendor) => vendor.calls.filter((c) => c.body !== 'none').map((call) => ({ vendor, call })));
