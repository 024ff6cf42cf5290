/**
 * The connection options of the Node transport, as types every runtime can name, and the check that refuses them
 * where they would be silently ignored.
 */
import { ConfigurationError } from '../errors/api-client-error.js';

/** A PEM certificate or key (or several in one string), as text or bytes. */
export type Pem = string | Uint8Array;

/**
 * How the Node transport connects: proxy, TLS, pool. These apply to the transport of the packages' Node entry
 * (undici); given with a custom `fetch`, or outside Node, they are a ConfigurationError (configure your fetch
 * instead), except `proxy: false`.
 */
export interface ConnectionOptions {
  /**
   * The proxy for every request (a URL; credentials in it become `Proxy-Authorization`), or `false` for none.
   * Default: `https_proxy`/`HTTPS_PROXY` for https targets, `http_proxy`/`HTTP_PROXY` for http ones, as curl and
   * Python's requests do; `no_proxy`/`NO_PROXY` (host suffixes, `.domain`, `*`, `host:port`, IP literals) bypasses
   * either. The environment is read when the client is created.
   */
  proxy?: string | URL | false | undefined;
  /** Certificates trusted beyond Node's own (which include `NODE_EXTRA_CA_CERTS`), in PEM. */
  ca?: Pem | readonly Pem[] | undefined;
  /** A client certificate chain in PEM, for mutual TLS (with `key`). */
  cert?: Pem | readonly Pem[] | undefined;
  /** The private key of `cert`, in PEM. */
  key?: Pem | readonly Pem[] | undefined;
  /** Most connections open at once to one origin (default: no limit); requests beyond it wait their turn. */
  connections?: number | undefined;
  /** Longest wait for a connection, a proxy's tunnel included, in ms (default 10 000, as undici's). */
  connectTimeoutMs?: number | undefined;
}

// What only the Node transport does: over a fetch, a proxy, CA or pool size would be silently ignored.
const NODE_ONLY: readonly (keyof ConnectionOptions)[] = ['proxy', 'ca', 'cert', 'key', 'connections', 'connectTimeoutMs'];

/** Refuses, naming them, the connection options given to a transport that is not the Node one (`proxy: false` aside). */
export function refuseConnectionOptions(options: ConnectionOptions & { fetch?: unknown }): void {
  const given = NODE_ONLY.filter((key) => options[key] !== undefined && !(key === 'proxy' && options.proxy === false));
  if (given.length === 0) return;
  const where = options.fetch ? 'with your own fetch, configure it instead' : 'they need Node (the node entry of the package)';
  throw new ConfigurationError(`${given.join(', ')}: options of the Node transport; ${where}`);
}
