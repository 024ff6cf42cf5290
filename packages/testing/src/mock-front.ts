/**
 * The mock front: a small HTTP proxy on the port the client sees, in front of Prism. Every request goes through
 * the vendor's quirks (see vendor-quirks.ts) on its way to Prism and back, so that the mock accepts what the real
 * API accepts and answers in its wire format where Prism, serving the spec as written, cannot.
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrontContext, FrontRequest, FrontResponse } from './mock-quirk.js';
import type { VendorQuirks } from './vendor-quirks.js';
import { readAll } from './read-all.js';

/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection']);

/** A listening mock front. */
export interface MockFront {
  port: number;
  /** Stops listening and closes every connection; resolves once closed. */
  close(): Promise<void>;
}

export interface MockFrontOptions {
  host: string;
  /** 0 for a free one. */
  port: number;
  /** Where Prism listens. */
  target: { host: string; port: number };
  vendor: VendorQuirks;
}

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Sends the (rewritten) request to Prism and reads its whole answer. A kept-alive socket Prism closed just as it
 * was reused fails with ECONNRESET before any answer: that request is sent once more on a new socket, as Node's
 * documentation advises (https://nodejs.org/api/http.html#requestreusedsocket).
 */
async function askPrism(request: FrontRequest, target: MockFrontOptions['target'], agent: Agent): Promise<FrontResponse> {
  try {
    return await askPrismOnce(request, target, agent);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return askPrismOnce(request, target, agent);
    throw error;
  }
}

function askPrismOnce(request: FrontRequest, target: MockFrontOptions['target'], agent: Agent): Promise<FrontResponse> {
  const headers: Record<string, string> = { ...request.headers, host: `${target.host}:${target.port}` };
  delete headers['content-length'];
  if (request.body.length) headers['content-length'] = String(request.body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: target.host, port: target.port, method: request.method, path: request.url.pathname + request.url.search, headers, agent },
      (incoming) => {
        readAll(incoming).then((body) => resolve({ status: incoming.statusCode ?? 502, headers: headersOf(incoming), body }), reject);
      },
    );
    outgoing.once('error', (error) => reject(Object.assign(error, { reusedSocket: outgoing.reusedSocket })));
    outgoing.end(request.body);
  });
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse, options: MockFrontOptions, agent: Agent): Promise<void> {
  const origin = `http://${incoming.headers.host ?? `${options.host}:${options.port}`}`;
  const context: FrontContext = { origin, realBases: options.vendor.realBases };
  const request: FrontRequest = { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', origin), headers: headersOf(incoming), body: await readAll(incoming) };
  for (const quirk of options.vendor.quirks) quirk.request?.(request, context);
  const response = await askPrism(request, options.target, agent);
  for (const quirk of options.vendor.quirks) quirk.response?.(response, request, context);
  response.headers['content-length'] = String(response.body.length);
  outgoing.writeHead(response.status, response.headers);
  outgoing.end(request.method === 'HEAD' ? undefined : response.body);
}

/**
 * Starts the front on host:port, forwarding to Prism at `target`.
 *
 * @throws The listen error (`EADDRINUSE` when the port is taken).
 */
export async function startMockFront(options: MockFrontOptions): Promise<MockFront> {
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing, options, agent).catch((error: unknown) => {
      // Prism gone or unreachable: say so as a gateway would, once.
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end(`Mock front: Prism did not answer (${error instanceof Error ? error.message : String(error)})`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
