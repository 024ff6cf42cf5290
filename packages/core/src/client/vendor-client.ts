/**
 * What every vendor client is built from, in one place: the caller's common options and the vendor's credential,
 * secrets, defaults and generated operation table become one redactor, one transport, the `.raw` openapi-fetch
 * client and the bound operations, all sharing that transport.
 */
import type { Client } from 'openapi-fetch';
import { bindOperations, type BindOptions } from '../operations/bind-operations.js';
import { transportOptionsFrom, type CommonClientOptions } from './client-options.js';
import { createFetchClient } from './fetch-client.js';
import type { OperationTable } from '../operations/operation-table.js';
import type { BoundOperations } from '../operations/operation-types.js';
import type { RateLimitRule } from '../rate-limit/rule.js';
import { Redactor } from '../redact/redact.js';
import { createTransport, type Transport } from '../transport/transport.js';
import { type Credential } from '../transport/credential.js';
import { type TransportOptions } from '../transport/transport-options.js';

/** What a vendor package knows about its API. */
export interface VendorSetup<Table extends OperationTable, Defaulted extends string> {
  /** The vendor's base URL, used unless the caller gives `baseUrl`. */
  baseUrl: string;
  /** The generated operation table. */
  table: Table;
  /** The client's credential. */
  credential: Credential;
  /** Secret values to redact beyond the credential (the bare token, a password). */
  secrets?: readonly string[];
  /** The vendor's transport defaults (rate-limit statuses, error classes); the caller's options win. */
  defaults?: Partial<TransportOptions>;
  /** The spec's `x-apiclients-rate-limit` (the generated `rateLimit`): every credential's budget, or null. */
  rateLimit?: RateLimitRule | null;
  /** How the operations are bound: argument defaults, next-link repairs. */
  bind?: BindOptions & { defaults?: Partial<Record<Defaulted, string | number>> };
}

/** The parts of a vendor client. */
export interface VendorClientParts<Ops, Paths extends {}, Table extends OperationTable, Defaulted extends string> {
  /** The base URL requests go to, without a trailing slash. */
  baseUrl: string;
  redactor: Redactor;
  transport: Transport;
  /** The plain openapi-fetch client on the same transport. */
  raw: Client<Paths>;
  /** `operations.<resource>.<method>()`, typed from the spec. */
  operations: BoundOperations<Table, Ops, Defaulted>;
  /** Releases the client's connections (see {@link Transport.close}). */
  close: () => Promise<void>;
}

/**
 * Builds the shared parts of a vendor client from the caller's options and the vendor's setup. `makeTransport` is
 * the entry's own (the Node entry's puts undici under it).
 */
export function createVendorClient<Ops, Paths extends {}, Table extends OperationTable, Defaulted extends string = never>(
  options: CommonClientOptions,
  vendor: VendorSetup<Table, Defaulted>,
  makeTransport: (options: TransportOptions) => Transport = createTransport,
): VendorClientParts<Ops, Paths, Table, Defaulted> {
  const baseUrl = (options.baseUrl ?? vendor.baseUrl).replace(/\/+$/, '');
  const redactor = new Redactor(vendor.secrets ?? []);
  // The spec's budget is the vendor's server's: a client pointed elsewhere (a mock, a test server) is paced only
  // when its `rateLimit` option asks (`{}` for the spec's budget); rate-limit answers pause it either way.
  const ownServer = baseUrl === vendor.baseUrl.replace(/\/+$/, '') || options.rateLimit !== undefined;
  const transport = makeTransport(
    transportOptionsFrom(options, {
      credential: vendor.credential,
      redactor,
      rateLimit: ownServer ? (vendor.rateLimit ?? null) : null,
      ...(vendor.defaults ? { defaults: vendor.defaults } : {}),
    }),
  );
  return {
    baseUrl,
    redactor,
    transport,
    raw: createFetchClient<Paths>(baseUrl, transport),
    operations: bindOperations<Ops, Table, Defaulted>(baseUrl, vendor.table, transport, { ...vendor.bind, redactor }),
    close: () => transport.close(),
  };
}
