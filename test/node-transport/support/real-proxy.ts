/**
 * A real forward proxy on 127.0.0.1: the `proxy` package from npm (TooTallNate's proxy-agents), not one written
 * here. It tunnels CONNECT for https targets and forwards absolute-form requests for http ones; with credentials
 * it answers 407 to a request without the right `Proxy-Authorization: Basic`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';

/** A running proxy and what went through it. */
export interface RealProxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  url: string;
  /** The URL with the credentials it demands (when it demands any). */
  urlWithCredentials: string;
  /** `CONNECT host:port` requests it received (accepted or refused). */
  connects: string[];
  /** Absolute-form requests it received (http targets). */
  forwarded: string[];
  /** Requests it refused with 407. */
  refused: number;
  close(): Promise<void>;
}

/** Starts the proxy; with `credentials` it demands them. */
export async function startRealProxy(credentials?: { user: string; password: string }): Promise<RealProxy> {
  const server = createProxy(createServer());
  const connects: string[] = [];
  const forwarded: string[] = [];
  let refused = 0;
  server.prependListener('connect', (request) => connects.push(request.url ?? ''));
  server.prependListener('request', (request) => forwarded.push(request.url ?? ''));
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    server.authenticate = (request) => {
      const ok = request.headers['proxy-authorization'] === expected;
      if (!ok) refused++;
      return ok;
    };
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const userinfo = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@` : '';
  return {
    url,
    urlWithCredentials: `http://${userinfo}127.0.0.1:${port}`,
    connects,
    forwarded,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
