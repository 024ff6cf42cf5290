/** startMockServer: a Prism mock of one vendor's API on a free port, for your own tests. */
import { basename } from 'node:path';
import { freePort } from './free-port.js';
import { mockSpecPath, type MockVendor } from './mock-vendors.js';
import { MockServerStartError } from './mock-server-start-error.js';
import { prismArgs } from './prism-args.js';
import type { StatefulMockOptions } from './stateful/profiles/index.js';
import { startStatefulMock } from './stateful/start-stateful-mock.js';
import type { StatefulMockServer } from './stateful/stateful-server.js';
import { PRISM_HOST, startPrismProcess } from './prism-process.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** Generate response bodies from the schemas (Prism `--dynamic`) instead of answering with the spec's examples. */
  dynamic?: boolean;
  /** With `dynamic`: the seed that makes the generated data the same on every run (Prism `--seed`). */
  seed?: string | number;
  /**
   * Answer with an error when a request or the mock's own response breaks the spec (Prism `--errors`), instead of
   * only reporting the violation in the `sl-violations` response header.
   */
  errors?: boolean;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** How long to wait for Prism to listen, in ms (default 60 000; parsing a spec on a busy machine takes a while). */
  startTimeoutMs?: number;
  /** Receives each line Prism prints (its request log included). */
  log?: (line: string) => void;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`: pass it as the client's `baseUrl`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Process id of the mock: the Prism serving it, with its front (a child of this process). */
  pid: number;
  /** Stops Prism and resolves once it has exited. Also happens on its own when this process exits. */
  stop(): Promise<void>;
}

/** How often a free port may be taken by someone else before the mock binds it. */
const PORT_ATTEMPTS = 5;

/**
 * Starts a Prism mock server for one vendor's API, on the spec packaged with this module, behind a front that makes
 * it answer like the real API (`.json` paths, `format=csv`, links to itself, paging that ends; see the README), and
 * resolves once it answers. Every client of `@apiclients/<vendor>` works against it with `baseUrl: server.url`. Force a status or an
 * example per request with the `Prefer` header (see {@link preferHeaders}); always `stop()` it when done.
 *
 * With `{ stateful: true }` it is the stateful mock instead (see {@link startStatefulMock}): records kept,
 * requests checked, the vendor's side effects, faults on demand.
 *
 * @example
 * const server = await startMockServer('spark');
 * const spark = new SparkClient({ accessToken: 'test', baseUrl: server.url });
 * const me = await spark.people.me();
 * await server.stop();
 *
 * @throws {ConfigurationError} For an unknown vendor or contradictory options.
 * @throws {MockServerStartError} When Prism exits or does not listen within `startTimeoutMs`.
 */
export function startMockServer<V extends MockVendor>(vendor: V, options: StatefulMockOptions[V] & { stateful: true }): Promise<StatefulMockServer>;
export function startMockServer(vendor: MockVendor, options?: MockServerOptions & { stateful?: false }): Promise<MockServer>;
export async function startMockServer(vendor: MockVendor, options: (MockServerOptions & { stateful?: false }) | (StatefulMockOptions[MockVendor] & { stateful: true }) = {}): Promise<MockServer> {
  if (options.stateful) return startStatefulMock(vendor, options);
  return startSpecMock(mockSpecPath(vendor), options);
}

/**
 * {@link startMockServer} on any OpenAPI file: the repository's own `npm run mock`, `npm start` and tests serve
 * their working copies of the specs with it.
 *
 * @throws {ConfigurationError} For contradictory options.
 * @throws {MockServerStartError} When Prism exits or does not listen within `startTimeoutMs`.
 */
export async function startSpecMock(spec: string, options: MockServerOptions = {}): Promise<MockServer> {
  const args = prismArgs(options);
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // The vendor's quirks go by the spec's file name (specs/spark.yaml → spark).
  const vendor = basename(spec).replace(/\.ya?ml$/, '');
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort(host));
    const prismPort = await freePort(PRISM_HOST);
    try {
      const prism = await startPrismProcess({ spec, host, port, args, timeoutMs: options.startTimeoutMs ?? 60_000, log: options.log, front: { prismPort, vendor } });
      return { url: `http://${urlHost}:${port}`, port, pid: prism.pid, stop: prism.stop };
    } catch (error) {
      // A free port was taken between our check and the bind: try others, unless the caller chose the port and
      // it is the one taken.
      const frontRefused = error instanceof MockServerStartError && error.output.some((line) => line.startsWith('Mock front could not listen'));
      const retry = error instanceof MockServerStartError && error.portInUse && !(frontRefused && options.port !== undefined) && attempt < PORT_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}
