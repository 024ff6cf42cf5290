/**
 * The VSS stateful mock: `POST /auth/request-token` with Basic credentials issues a token, every other call
 * needs it as `Authorization: Bearer`; the requests of each type come from the seed and move through their
 * statuses over time (see vss/request-progress.ts); lists page, expand, filter and sort as VSS does; errors come
 * in VSS's `{ status, error, message }` shape (specs/vss.yaml, `Error`).
 */
import { ConfigurationError } from '@apiclients/core';
import { specError } from '../spec-errors.js';
import type { Json } from '../spec-ref.js';
import type { StatefulServerOptions } from '../stateful-server.js';
import type { MockCall, MockReply, VendorProfile } from '../vendor-profile.js';
import { stepAt, requestTimeline, type RequestTimeline, type VssProgress, type VssRequestStatus } from './vss/request-progress.js';
import { requestPage } from './vss/request-page.js';
import { filterRequests, sortRequests } from './vss/request-query.js';
import { REQUEST_TYPES, requestRecord, type VssRequestType } from './vss/request-record.js';
import { vssTime } from './vss/vss-time.js';

export type { VssProgress, VssProgressStep, VssRequestStatus } from './vss/request-progress.js';
export type { VssRequestType } from './vss/request-record.js';

/** A user who may get a token from `POST /auth/request-token`. */
export interface VssSeedUser {
  username: string;
  password: string;
}

/**
 * A request in the seed: its `type`, and any fields of the record (`vm_name`, `attribute`, `message`, …) over
 * the defaults. Without `status` nor `progress` it moves on as the mock's `progress` option says, from the
 * moment it is seeded (the start, or a `reset()`); with `status` alone it stays there.
 */
export interface VssSeedRequest {
  type: VssRequestType;
  /** Default: the next free id of its type, from 1. */
  id?: number;
  status?: VssRequestStatus;
  /** Its own course, instead of the mock's `progress`. */
  progress?: VssProgress;
  /** The username of the user who made it (default: the first user). */
  owner?: string;
  [field: string]: unknown;
}

/** Seed data of the VSS stateful mock; each part left out takes its default. */
export interface VssSeed {
  /** Default: {@link VSS_MOCK_USER}. */
  users?: VssSeedUser[];
  /** Tokens valid from the start, token → username (default: {@link VSS_MOCK_TOKEN} for the first user). */
  tokens?: Record<string, string>;
  /**
   * Default: change 1 PROCESSED, change 2 ERROR, change 3 moving on, new 1 moving on, snapshot 1 SCHEDULED.
   */
  requests?: VssSeedRequest[];
}

/** Options of the VSS stateful mock. */
export interface VssMockOptions extends StatefulServerOptions<VssSeed> {
  /** How seeded requests without a status move on (default `{ stepMs: 1000 }`: PENDING, IN_PROGRESS, PROCESSED). */
  progress?: VssProgress;
}

/** The user of the default seed. */
export const VSS_MOCK_USER: Readonly<VssSeedUser> = { username: 'jdoe', password: 'vss-mock-password' };
/** The token the default seed accepts for the first user, without a login. */
export const VSS_MOCK_TOKEN = 'vss-mock-token';

const DEFAULT_REQUESTS: VssSeedRequest[] = [
  { type: 'change', status: 'PROCESSED', attribute: 'memory', value: 4 },
  { type: 'change', status: 'ERROR', attribute: 'cpu', value: 64, message: { errors: ['cpu: 64 is more than the 16 allowed'], warnings: [] } },
  { type: 'change' },
  { type: 'new' },
  { type: 'snapshot', status: 'SCHEDULED' },
];

// The time VSS reports having taken, in `meta.time` (the wiki shows values like "0.01528s").
const TOOK = '0.00100s';
// The header of the JWT VSS issues ({"typ":"JWT","alg":"HS256"}), so that tokens look like the real ones.
const JWT_HEADER = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9';

/** What the profile keeps besides the records. */
interface VssState {
  users: Record<string, { password: string; userId: number }>;
  /** Token → username. */
  tokens: Record<string, string>;
  /** `type/id` → the course of a request that moves on. */
  timelines: Record<string, RequestTimeline>;
}

/**
 * VSS's part of the stateful mock. A request's status is worked out when it is read (a get, a list, the
 * summary), so `server.state()` shows the status it had when last read.
 *
 * @throws {ConfigurationError} For a `progress` with no status, an unknown status, or times out of order.
 */
export function vssProfile(options: VssMockOptions): VendorProfile<VssSeed> {
  const progress = options.progress ?? { stepMs: 1000 };
  requestTimeline(progress, 0); // checks the option now, before the server starts
  return {
    authorize: (call) => (call.operation.operationId === 'auth_request_token' ? refusedLogin(call) : callerOf(call) ? undefined : specError(call, 401)),
    create: (call, fields) => ({ ...fields, id: call.newId('') }),
    handlers: {
      auth_request_token: issueToken,
      requests_summary: summary,
      requests_list: list,
      requests_get: get,
    },
    notFound: (call) => specError(call, 404),
    invalid: (call, problems) => specError(call, 400, { message: problems.join('; ') }),
    rateLimited: (call, seconds) => specError(call, 429, {}, { 'retry-after': String(seconds) }),
    serverError: (call, seconds) => specError(call, 503, { status: 503, message: 'api unavailable' }, { 'retry-after': String(seconds) }),
    newState: () => ({ users: {}, tokens: {}, timelines: {} }),
    seed: (call, seed) => seedRequests(call, seed, progress),
  };
}

function seedRequests(call: Pick<MockCall, 'store' | 'state' | 'now' | 'baseUrl'>, seed: VssSeed | undefined, progress: VssProgress): void {
  const state = call.state as unknown as VssState;
  const users = seed?.users ?? [VSS_MOCK_USER];
  if (users.length === 0) throw new ConfigurationError('seed.users: VSS needs at least one user');
  users.forEach((user, index) => (state.users[user.username] = { password: user.password, userId: index + 1 }));
  const first = users[0]!.username;
  for (const [token, username] of Object.entries(seed?.tokens ?? { [VSS_MOCK_TOKEN]: first })) {
    if (!state.users[username]) throw new ConfigurationError(`seed.tokens: ${JSON.stringify(username)} is not one of seed.users`);
    state.tokens[token] = username;
  }
  const made = call.now();
  const nextId: Partial<Record<VssRequestType, number>> = {};
  for (const given of seed?.requests ?? DEFAULT_REQUESTS) {
    const { type, id: givenId, status, progress: own, owner = first, ...fields } = given;
    if (!REQUEST_TYPES.includes(type)) throw new ConfigurationError(`seed.requests: unknown type ${JSON.stringify(type)}; VSS has ${REQUEST_TYPES.join(', ')}`);
    const user = state.users[owner];
    if (!user) throw new ConfigurationError(`seed.requests: owner ${JSON.stringify(owner)} is not one of seed.users`);
    const id = givenId ?? nextId[type] ?? 1;
    nextId[type] = Math.max(nextId[type] ?? 1, id + 1);
    let initial = status;
    if (!status || own) {
      const timeline = requestTimeline(own ?? progress, made.getTime());
      state.timelines[`${type}/${id}`] = timeline;
      initial = timeline.steps[0]!.status;
    }
    // The status among the other fields, so that the keys stay in VSS's alphabetical order.
    const record = requestRecord({ type, id, username: owner, userId: user.userId, createdOn: vssTime(made), baseUrl: call.baseUrl }, { ...fields, status: initial });
    call.store.put(resourceOf(type), record);
  }
}

/** The refusal of a login whose Basic credentials are not a user's, or `undefined`. */
function refusedLogin(call: MockCall): MockReply | undefined {
  const given = basicCredentials(call);
  const user = given && (call.state as unknown as VssState).users[given.username];
  return user && user.password === given.password ? undefined : specError(call, 401, { message: 'Invalid credentials' });
}

/** A new token for the user of the Basic credentials (already checked), shaped like VSS's JWTs. */
function issueToken(call: MockCall): MockReply {
  const state = call.state as unknown as VssState;
  const { username } = basicCredentials(call)!;
  const claims = { id: state.users[username]!.userId, username, iat: Math.floor(call.now().getTime() / 1000) };
  const token = [JWT_HEADER, Buffer.from(JSON.stringify(claims)).toString('base64url'), Buffer.from(call.newId('sig')).toString('base64url')].join('.');
  state.tokens[token] = username;
  return { status: 200, body: { token } };
}

/** The username and password of an `Authorization: Basic` header (RFC 7617: base64 of UTF-8 `user:password`). */
function basicCredentials(call: MockCall): { username: string; password: string } | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(call.headers.authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const [username = '', ...password] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  return { username, password: password.join(':') };
}

/** The username of the call's Bearer token, or `undefined`. */
function callerOf(call: MockCall): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(call.headers.authorization ?? '')?.[1];
  return token === undefined ? undefined : (call.state as unknown as VssState).tokens[token];
}

function summary(call: MockCall): MockReply {
  const user = callerOf(call)!;
  const base = call.baseUrl;
  const links: Json = { api: `${base}/`, self: `${base}/request` };
  for (const type of REQUEST_TYPES) links[type] = `${base}/request/${type}`;
  return {
    status: 200,
    body: {
      _links: Object.fromEntries(Object.entries(links).sort(([a], [b]) => (a < b ? -1 : 1))),
      data: Object.fromEntries(REQUEST_TYPES.map((type) => [type, requestsOf(call, type, user).length])),
      meta: { count: REQUEST_TYPES.length, time: TOOK, user },
    },
  };
}

function list(call: MockCall): MockReply {
  const type = typeOf(call);
  if (!type) return specError(call, 404);
  const user = callerOf(call)!;
  const requests = sortRequests(filterRequests(requestsOf(call, type, user), call.query.get('filter')), call.query.get('sort'));
  return requestPage(call, requests, `${call.baseUrl}/request/${type}`, { time: TOOK, user });
}

function get(call: MockCall): MockReply {
  const type = typeOf(call);
  const id = call.params.id ?? '';
  const user = callerOf(call)!;
  const record = type && /^[1-9]\d*$/.test(id) ? call.store.get(resourceOf(type), id) : undefined;
  if (!type || !record || (record.user as Json).username !== user) return specError(call, 404);
  return { status: 200, body: { _links: { self: `${call.baseUrl}/request/${type}/${id}` }, data: moveOn(call, type, record), meta: { time: TOOK, user } } };
}

function typeOf(call: MockCall): VssRequestType | undefined {
  return REQUEST_TYPES.find((type) => type === call.params.type);
}

/** The user's requests of `type`, each at its current status. */
function requestsOf(call: MockCall, type: VssRequestType, user: string): Json[] {
  return call.store
    .list(resourceOf(type))
    .filter((record) => (record.user as Json).username === user)
    .map((record) => moveOn(call, type, record));
}

/** The request at the status its course has reached by now (`updated_on` when it reached it). */
function moveOn(call: MockCall, type: VssRequestType, record: Json): Json {
  const timeline = (call.state as unknown as VssState).timelines[`${type}/${String(record.id)}`];
  if (!timeline) return record;
  const step = stepAt(timeline, call.now().getTime());
  if (record.status !== step.status) {
    record.status = step.status;
    record.updated_on = vssTime(new Date(timeline.madeMs + step.afterMs));
  }
  return record;
}

/** The records of each type are kept apart: ids repeat across types (change 1, new 1). */
function resourceOf(type: VssRequestType): string {
  return `request/${type}`;
}
