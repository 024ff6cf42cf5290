/**
 * The fault-injecting server every reliability test shares: node:http on 127.0.0.1 (port 0), scripted per request.
 * Each request is answered by the next reply queued with `enqueue()`, else by the `fallback` function of the
 * request. Every request is recorded (method, URL, headers, body bytes) before it is answered, so tests count
 * attempts and compare what was sent. Replies are built by the functions of `reply` below.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** One request as the server received it. */
export interface RecordedRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Answers one request; may also break the connection or never answer. */
export type Reply = (response: ServerResponse, request: RecordedRequest) => void;

/** A running fault server. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Queues replies for the next requests, in order. */
  enqueue(...replies: Reply[]): void;
  /** Answers requests once the queue is empty (default: 404 JSON). */
  fallback: (request: RecordedRequest) => Reply;
  /** Forgets recorded requests and queued replies; the fallback goes back to 404. */
  reset(): void;
  /** Open connections right now (stalled answers keep theirs open). */
  readonly openConnections: number;
  /** Destroys every connection (stalled ones too) and stops listening. */
  close(): Promise<void>;
}

const notFound: Reply = (response) => sendJson(response, 404, { message: 'no reply scripted' });

/** Starts a fault server on 127.0.0.1, port 0. `keepRequests: false` keeps none (load tests count on their own). */
export async function startFaultServer(options: { keepRequests?: boolean } = {}): Promise<FaultServer> {
  const keepRequests = options.keepRequests ?? true;
  let received = 0;
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const recorded: RecordedRequest = {
        index: received++,
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      if (keepRequests) requests.push(recorded);
      const next = queue.shift() ?? api.fallback(recorded);
      next(response, recorded);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Load tests open a hundred sockets at once: a backlog to match.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, resolve));
  const { port } = server.address() as AddressInfo;
  const api: FaultServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    fallback: () => notFound,
    reset() {
      queue.length = 0;
      requests.length = 0;
      received = 0;
      api.fallback = () => notFound;
    },
    get openConnections() {
      return sockets.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return api;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

// A TCP RST (not a clean FIN), so the client sees ECONNRESET as it would from a crashed proxy.
function resetSocket(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** The reply builders. */
export const reply = {
  /** A JSON answer. */
  json: (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => (response) => sendJson(response, status, body, headers),

  /** Any bytes with any headers (wrong content types, HTML pages, empty bodies, malformed JSON). */
  raw: (status: number, body: string | Buffer, headers: Record<string, string> = {}): Reply => (response) => {
    response.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
    response.end(body);
  },

  /** An HTML error page as proxies and load balancers send them. */
  html: (status: number, title = 'Bad Gateway'): Reply =>
    reply.raw(status, `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>`, {
      'content-type': 'text/html; charset=utf-8',
    }),

  /** JSON cut off half-way, with a content-length that matches what is sent (so only the parser can tell). */
  truncatedJson: (body: unknown, status = 200): Reply => {
    const text = JSON.stringify(body);
    return reply.raw(status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), { 'content-type': 'application/json' });
  },

  /** A rate limit (429, Statuspage's 420) or 503, with `Retry-After` exactly as given (omitted when undefined). */
  status: (status: number, retryAfter?: string, headers: Record<string, string> = {}): Reply =>
    reply.json({ message: `status ${status}` }, status, { ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), ...headers }),

  /**
   * A hostile server that echoes what it was sent (URL, every header) in its body and in response headers, as
   * debugging proxies and some error pages do: a client that stores bodies or headers unredacted leaks the token.
   */
  echo: (status: number, contentType = 'application/json'): Reply => (response, request) => {
    const said = `you sent ${request.url} with ${request.headers.authorization ?? 'no authorization'}`;
    const echoed = JSON.stringify({ message: said, url: request.url, headers: request.headers });
    // JSON error bodies are well-formed; a 2xx JSON echo is cut short (broken JSON); other types get an HTML page.
    const body = !contentType.includes('json') ? `<html><body><h1>Error</h1><pre>${said}\n${echoed}</pre></body></html>`
      : status < 300 ? echoed.slice(0, -1)
      : echoed;
    response.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      'x-echo-url': request.url,
      'x-echo-authorization': String(request.headers.authorization ?? ''),
      'set-cookie': `session=${encodeURIComponent(String(request.headers.authorization ?? request.url))}`,
      ...(status === 429 || status === 420 ? { 'retry-after': '999' } : {}),
    });
    response.end(body);
  },

  /** A gzip-encoded JSON body (`content-encoding: gzip`). */
  gzipJson: (body: unknown, status = 200): Reply => (response) => {
    const bytes = gzipSync(JSON.stringify(body));
    response.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bytes.length });
    response.end(bytes);
  },

  /** A redirect to `location` (absolute, or relative to this server). */
  redirect: (location: string, status = 302): Reply => (response) => {
    response.writeHead(status, { location, 'content-length': 0 });
    response.end();
  },

  /** A JSON body of about `bytes` bytes (an array of filler strings), streamed in chunks. */
  huge: (bytes: number, status = 200): Reply => (response) => {
    const item = JSON.stringify('x'.repeat(1_000));
    const count = Math.max(1, Math.floor(bytes / (item.length + 1)));
    response.writeHead(status, { 'content-type': 'application/json' });
    let sent = 0;
    const pump = () => {
      while (sent < count) {
        const chunk = `${sent === 0 ? '[' : ','}${item}${sent === count - 1 ? ']' : ''}`;
        sent++;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  },

  /** The connection is reset before any header is sent. */
  resetBeforeHeaders: (): Reply => (response) => resetSocket(response.socket as Socket),

  /** Headers and part of the body are sent, then the connection is reset. */
  resetMidBody: (body: unknown = { items: ['a', 'b', 'c'] }): Reply => (response) => {
    const text = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => setTimeout(() => resetSocket(response.socket as Socket), 20));
  },

  /** Never answers (the connection stays open until the client gives up or the server closes). */
  stallBeforeHeaders: (): Reply => () => {},

  /** Headers and part of the body are sent, then nothing more. */
  stallMidBody: (body: unknown = { items: ['a', 'b', 'c'] }): Reply => (response) => {
    const text = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.write(text.slice(0, Math.floor(text.length / 2)));
  },
};

/** `Retry-After` in every form a server sends, with what a client should make of it. */
export const RETRY_AFTER_FORMS = {
  seconds: '1',
  zero: '0',
  negative: '-5',
  malformed: 'rand(30),add(30)',
  huge: '999999999',
  httpDate: (now = Date.now(), inMs = 2_000) => new Date(now + inMs).toUTCString(),
  pastHttpDate: (now = Date.now()) => new Date(now - 60_000).toUTCString(),
} as const;
