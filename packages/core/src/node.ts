/**
 * @apiclients/core for Node (the package's `node` export condition): everything of the portable entry, with a
 * transport on undici by default (a connection pool, proxies from the environment or the `proxy` option, `ca`,
 * `cert` and `key`). Vendor packages import `@apiclients/core`, so in Node they get this entry without asking;
 * browsers, Deno and edge runtimes get the fetch transport and never load undici.
 * @packageDocumentation
 */
import type { CommonClientOptions } from './client-options.js';
import type { OperationTable } from './operation-table.js';
import { Redactor } from './redact.js';
import { createTransport as createPortableTransport, type Transport, type TransportOptions } from './transport.js';
import { createVendorClient as createPortableVendorClient, type VendorClientParts, type VendorSetup } from './vendor-client.js';
import { createUndiciSender } from './node/undici-sender.js';

export * from './index.js';
export { ProxyError } from './node/proxy-error.js';
export { createUndiciSender } from './node/undici-sender.js';
export type { UndiciSenderOptions } from './node/undici-sender.js';

/**
 * Builds a transport; in Node it sends through undici unless given a `fetch` (then that fetch alone) or a
 * `sender`.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  if (options.fetch || options.sender) return createPortableTransport(options);
  const redactor = options.redactor ?? new Redactor();
  const { proxy, ca, cert, key, connections, connectTimeoutMs } = options;
  const sender = createUndiciSender({ proxy, ca, cert, key, connections, connectTimeoutMs, redactor });
  return createPortableTransport({ ...options, redactor, sender });
}

/** Builds the shared parts of a vendor client, on the Node transport (see {@link createTransport}). */
export function createVendorClient<Ops, Paths extends {}, Table extends OperationTable, Defaulted extends string = never>(
  options: CommonClientOptions,
  vendor: VendorSetup<Table, Defaulted>,
): VendorClientParts<Ops, Paths, Table, Defaulted> {
  return createPortableVendorClient<Ops, Paths, Table, Defaulted>(options, vendor, createTransport);
}
