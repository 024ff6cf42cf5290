/**
 * What a vendor adds to the stateful mock: how its records look when created, its error bodies, its own
 * operations and its side effects (webhooks, component statuses). Everything else comes from the spec.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MockStore } from './mock-store.js';
import type { SpecOperation } from './spec-operations.js';
import type { Json } from './spec-ref.js';

/** A request the mock received, routed to an operation of the spec. */
export interface MockCall {
  operation: SpecOperation;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body parsed, a form body as an object, other bodies as text; `undefined` when there is none. */
  body: unknown;
  /** The server's own base URL (`http://127.0.0.1:PORT`), for links. */
  baseUrl: string;
  store: MockStore;
  /** The vendor's own state besides the records (the profile's `newState()`). */
  state: Json;
  /** A new id, unique in this server: `prefix` and a counter. */
  newId(prefix: string): string;
  /** The server's clock: the real one, or the one a test set. */
  now(): Date;
  /** Sends a request from the mock (a webhook delivery); the server waits for it before `stop()`. */
  deliver(url: string, init: { headers: Record<string, string>; body: string }): void;
}

/** An answer: a JSON body (an object or array), text or bytes (with a `content-type` header), or none. */
export interface MockReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type MockHandler = (call: MockCall) => MockReply | Promise<MockReply>;

/** A vendor's part of the stateful mock. */
export interface VendorProfile<Seed = unknown> {
  /** A refusal of a request without the vendor's credentials, or `undefined` to go on. */
  authorize?(call: MockCall): MockReply | undefined;
  /** The record a create makes of the request's fields: its id, timestamps and defaults in the vendor's formats. */
  create(call: MockCall, fields: Json): Json;
  /** The record after an update of `fields` (default: the fields written over it). */
  update?(call: MockCall, record: Json, fields: Json): Json;
  /** Operations answered by the vendor's own code, by operationId, instead of the generic CRUD. */
  handlers?: Record<string, MockHandler>;
  /** Headers every answer to an operation carries, under the answer's own (Webex's `TrackingID`). */
  headers?(call: MockCall): Record<string, string>;
  /** Runs after an operation was answered with a 2xx: webhooks, related records. */
  after?(call: MockCall, reply: MockReply): void | Promise<void>;
  /** Answer of a list with its records, for pagination styles the mock does not page itself. */
  list?(call: MockCall, records: Json[]): MockReply;
  /** The vendor's error answers. */
  notFound(call: MockCall): MockReply;
  invalid(call: MockCall, problems: string[]): MockReply;
  rateLimited(call: MockCall, retryAfterSeconds: number): MockReply;
  serverError(call: MockCall, retryAfterSeconds: number): MockReply;
  /** The vendor's state besides records, fresh (after a reset too). */
  newState?(): Json;
  /** Fills a fresh store from the seed data (or the vendor's defaults when `seed` is undefined). */
  seed(call: Pick<MockCall, 'store' | 'state' | 'newId' | 'now' | 'baseUrl'>, seed: Seed | undefined): void;
}
