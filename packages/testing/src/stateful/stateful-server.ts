/**
 * The stateful mock: a node:http server on 127.0.0.1 in the test's own process, answering a vendor's spec from
 * records it keeps (see generic-crud.ts), the vendor's profile (its formats, errors and side effects), faults on
 * demand, and a `/__mock/` door for tests in other languages: `GET /__mock/requests`, `GET /__mock/state`,
 * `POST /__mock/reset`, `POST /__mock/faults` (a {@link FaultOptions} body, or `{ "queue": 429, "count": 2 }`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAll } from '../read-all.js';
import { FaultPlan, type FaultKind, type FaultOptions } from './faults.js';
import { genericCrud } from './generic-crud.js';
import { MockStore } from './mock-store.js';
import { logged, type LoggedRequest } from './request-log.js';
import { loadSpecRoutes } from './spec-operations.js';
import type { Json } from './spec-ref.js';
import type { MockCall, MockReply, VendorProfile } from './vendor-profile.js';

/** Options every stateful mock takes. */
export interface StatefulServerOptions<Seed = unknown> {
  /** Records to start from (and to go back to on `reset()`); the vendor's small defaults when left out. */
  seed?: Seed;
  /** A share of failing answers, seeded (see {@link FaultOptions}); none by default. */
  faults?: FaultOptions;
  /** Check requests against the spec and refuse the ones that break it, as the vendor would (default `true`). */
  validate?: boolean;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** The mock's clock, for timestamps and anything that happens over time (default: the real one). */
  now?: () => Date;
}

/** A running stateful mock. */
export interface StatefulMockServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`: pass it as the client's `baseUrl`. */
  url: string;
  port: number;
  /** This process: the mock runs inside it. */
  pid: number;
  /** Every request received since the start or the last `reset()`, oldest first, secrets redacted. */
  readonly requests: readonly LoggedRequest[];
  /** A copy of every record, by resource. */
  state(): Record<string, Record<string, unknown>[]>;
  /** Back to the seed: records, the request log and faults. */
  reset(): void;
  /** Fails the next `count` requests with `kind` (429 and 503 in the vendor's own shape, with `Retry-After`). */
  failNext(kind: FaultKind, count?: number): void;
  /** Replaces the random faults. */
  setFaults(options: FaultOptions): void;
  /** Resolves once every webhook delivery sent so far has been answered (or has failed). */
  settled(): Promise<void>;
  /** Closes the server (waiting for deliveries) and resolves once it has. */
  stop(): Promise<void>;
}

/** Starts a stateful mock of the spec at `specFile` with `profile`'s vendor behaviour. */
export async function startStatefulServer<Seed>(specFile: string, profile: VendorProfile<Seed>, options: StatefulServerOptions<Seed> = {}): Promise<StatefulMockServer> {
  const routes = loadSpecRoutes(specFile);
  const store = new MockStore();
  const faults = new FaultPlan(options.faults);
  const now = options.now ?? (() => new Date());
  const requests: LoggedRequest[] = [];
  const deliveries = new Set<Promise<unknown>>();
  let state: Json = {};
  let counter = 0;
  let baseUrl = '';
  const newId = (prefix: string) => `${prefix}${(++counter).toString(36).padStart(6, '0')}`;
  const deliver: MockCall['deliver'] = (url, init) => {
    const sent = fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(10_000) }).then((r) => r.arrayBuffer(), () => undefined);
    deliveries.add(sent);
    void sent.finally(() => deliveries.delete(sent));
  };
  const seedAll = () => {
    store.clear();
    state = profile.newState?.() ?? {};
    profile.seed({ store, state, newId, now, baseUrl }, options.seed);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: `stateful mock: ${(error as Error).message}` } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const raw = await readAll(req);
    if (url.pathname.startsWith('/__mock/')) return control(url.pathname, req.method ?? 'GET', raw, res);
    const mediaType = req.headers['content-type'];
    const body = await parseBody(raw, mediaType);
    const entry = logged(req.method ?? 'GET', req.url ?? '/', req.headers, body.value);
    requests.push(entry);
    const routed = routes.match(req.method ?? 'GET', url.pathname) ?? routes.match(req.method ?? 'GET', url.pathname.replace(/\.json$/, ''));
    const fault = faults.next();
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, faults.slowMs));
    if (!routed) {
      entry.status = 404;
      return send(res, { status: 404, body: { message: `No operation of the spec answers ${req.method} ${url.pathname}` } });
    }
    entry.operationId = routed.operation.operationId;
    const call: MockCall = { operation: routed.operation, params: routed.params, query: url.searchParams, headers: req.headers, body: body.value, baseUrl, store, state, newId, now, deliver };
    const reply = answer(call, fault, body.problem) ?? (await (profile.handlers?.[call.operation.operationId] ?? fallback)(call));
    entry.status = reply.status;
    send(res, { ...reply, headers: { ...profile.headers?.(call), ...reply.headers } });
    if (reply.status >= 200 && reply.status < 300) await profile.after?.(call, reply);
  }

  /** The answers that come before the operation's own: faults, credentials, validation. */
  function answer(call: MockCall, fault: FaultKind | undefined, bodyProblem: string | undefined): MockReply | undefined {
    if (fault === 429) return profile.rateLimited(call, faults.retryAfterSeconds);
    if (fault === 503) return profile.serverError(call, faults.retryAfterSeconds);
    const refused = profile.authorize?.(call);
    if (refused) return refused;
    if (bodyProblem) return profile.invalid(call, [bodyProblem]);
    if (options.validate === false) return undefined;
    const problems = call.operation.check(call.query, call.body, call.headers['content-type']);
    return problems.length > 0 ? profile.invalid(call, problems) : undefined;
  }

  function fallback(call: MockCall): MockReply {
    const generic = genericCrud(profile, call);
    if (generic) return generic;
    const { example } = call.operation;
    return { status: example.status, headers: example.mediaType ? { 'content-type': example.mediaType } : {}, body: example.body };
  }

  function control(path: string, method: string, raw: Buffer, res: ServerResponse): void {
    if (path === '/__mock/requests' && method === 'GET') return send(res, { status: 200, body: requests });
    if (path === '/__mock/state' && method === 'GET') return send(res, { status: 200, body: store.snapshot() });
    if (path === '/__mock/reset' && method === 'POST') return (mock.reset(), send(res, { status: 204 }));
    if (path === '/__mock/faults' && method === 'POST') {
      const given = JSON.parse(raw.toString('utf8') || '{}') as FaultOptions & { queue?: FaultKind; count?: number };
      if (given.queue !== undefined) faults.queue(given.queue, given.count);
      else faults.configure(given);
      return send(res, { status: 204 });
    }
    send(res, { status: 404, body: { message: `No ${method} ${path}: the mock's own paths are GET /__mock/requests, GET /__mock/state, POST /__mock/reset and POST /__mock/faults` } });
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    seedAll();
  } catch (error) {
    // A seed the profile refuses: nothing is left listening.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const mock: StatefulMockServer = {
    url: baseUrl,
    port,
    pid: process.pid,
    get requests() {
      return requests;
    },
    state: () => store.snapshot(),
    reset() {
      seedAll();
      requests.length = 0;
      faults.configure(options.faults ?? {});
    },
    failNext: (kind, count) => faults.queue(kind, count),
    setFaults: (given) => faults.configure(given),
    settled: async () => {
      while (deliveries.size > 0) await Promise.all(deliveries);
    },
    async stop() {
      await mock.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return mock;
}

/** The body as the operations read it: JSON parsed, forms as an object of their fields, anything else as text. */
async function parseBody(raw: Buffer, mediaType: string | undefined): Promise<{ value: unknown; problem?: string }> {
  if (raw.length === 0) return { value: undefined };
  if (!mediaType || /json/i.test(mediaType)) {
    try {
      return { value: JSON.parse(raw.toString('utf8')) };
    } catch {
      return { value: raw.toString('utf8'), problem: 'the body is not valid JSON' };
    }
  }
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(mediaType)) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': mediaType } }).formData();
    const fields: Json = {};
    for (const [name, value] of form) fields[name] = typeof value === 'string' ? value : { filename: value.name, size: value.size, type: value.type };
    return { value: fields };
  }
  return { value: raw.toString('utf8') };
}

function send(res: ServerResponse, reply: MockReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer | undefined;
  if (reply.body === undefined) payload = undefined;
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
