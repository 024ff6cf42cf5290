/**
 * `@apiclients/core/internal` for Node (the `node` export condition): the internal entry, with the transport and
 * the vendor client builder of the Node entry, on undici. Vendor packages import `@apiclients/core/internal`, so in
 * Node they get this without asking; browsers, Deno and edge runtimes get the fetch transport and never load undici.
 * **No semver promise**, like the internal entry.
 * @packageDocumentation
 */
import type { CommonClientOptions } from './client/client-options.js';
import { createTransport } from './node.js';
import type { OperationTable } from './operations/operation-table.js';
import { createVendorClient as createPortableVendorClient, type VendorClientParts, type VendorSetup } from './client/vendor-client.js';

export * from './internal.js';
export { createTransport, ProxyError } from './node.js';
export { createUndiciSender } from './transport/node/undici-sender.js';
export type { UndiciSenderOptions } from './transport/node/undici-sender.js';

/** Builds the shared parts of a vendor client, on the Node transport (see {@link createTransport}). */
export function createVendorClient<Ops, Paths extends {}, Table extends OperationTable, Defaulted extends string = never>(
  options: CommonClientOptions,
  vendor: VendorSetup<Table, Defaulted>,
): VendorClientParts<Ops, Paths, Table, Defaulted> {
  return createPortableVendorClient<Ops, Paths, Table, Defaulted>(options, vendor, createTransport);
}
