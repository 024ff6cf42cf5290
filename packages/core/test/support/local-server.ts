/**
 * A real HTTP server on 127.0.0.1 (port 0), for the few behaviours that need real sockets: a connection reset
 * mid-body, a body that stalls, a closed port. Never binds anything but loopback.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** Destroys every open connection and stops listening. */
  close(): Promise<void>;
}

/** Handles the n-th request (0-based). */
export type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** Starts a server on 127.0.0.1, port 0. */
export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  let requests = 0;
  const server = createServer((request, response) => {
    const index = requests++;
    // Drain the request body so that handlers only deal with the response.
    request.resume();
    handler(request, response, index);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL on which nothing listens (a port the OS just handed out, then closed). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
