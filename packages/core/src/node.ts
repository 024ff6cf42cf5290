/**
 * `@apiclients/core` for Node (the package's `node` export condition): everything of the portable entry, with a
 * transport on undici by default (a connection pool, proxies from the environment or the `proxy` option, `ca`,
 * `cert` and `key`), and `ProxyError`. Vendor packages get the same through `@apiclients/core/internal`'s Node
 * entry; browsers, Deno and edge runtimes get the fetch transport and never load undici.
 * @packageDocumentation
 */
import { Redactor } from './redact/redact.js';
import { createTransport as createPortableTransport, type Transport } from './transport/transport.js';
import { type TransportOptions } from './transport/transport-options.js';
import { createUndiciSender } from './transport/node/undici-sender.js';

export * from './index.js';
export { ProxyError } from './transport/node/proxy-error.js';

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
