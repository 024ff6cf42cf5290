/**
 * The senders every transport suite runs against: `fetch` (the portable sender, or the test's injected fetch) and
 * `undici` (the Node entry's). A suite is written once, inside `describe.each(SENDERS)`, and takes `fakeFetch` and
 * `createTransport` from the sender under test:
 *
 * - over `fetch`, they are the plain ones: the scripted fake fetch answers in memory;
 * - over `undici`, the same script is played by a real HTTP server on 127.0.0.1, and the transport sends to it
 *   through the real undici sender (sockets, HTTP parser, body streams). Only a refused connection is played
 *   without a socket (a listening server cannot refuse one request): the send fails with `ECONNREFUSED` as undici
 *   reports it. `fail('ECONNRESET')` (any other code) destroys the connection mid-request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport as createPortableTransport, type FetchLike, type Sender } from '../../src/internal.js';
import { createTransport as createNodeTransport, createUndiciSender } from '../../src/internal-node.js';
import { fakeFetch as fakeFetchInMemory, type FakeFetch, type Reply, type SentRequest } from './fake-fetch.js';

/** A sender the suites run against. */
export interface SenderUnderTest {
  name: 'fetch' | 'undici';
  /** A scripted fake: the n-th request is answered with `replies[n]` (the last repeats). */
  fakeFetch: (...replies: Reply[]) => FakeFetch;
  /** `createTransport`; `fetch: fake.fetch` means "answered by that script" over either sender. */
  createTransport: typeof createPortableTransport;
}

interface Script {
  replies: Reply[];
  sent: SentRequest[];
}

const scripts = new Map<string, Script>();
const scriptOfFetch = new WeakMap<FetchLike, string>();
let nextScript = 0;
let server: Promise<string> | undefined;

function replyFor(script: Script, index: number): Reply {
  return script.replies[Math.min(index, script.replies.length - 1)] as Reply;
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const script = scripts.get(String(request.headers['x-test-script']));
  if (!script) return void response.writeHead(500).end('unknown script');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = new Uint8Array(Buffer.concat(chunks));
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'x-test-script' || name === 'x-test-scheme' || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const gone = new AbortController();
  response.on('close', () => gone.abort(new Error('the client went away')));
  const sent: SentRequest = {
    method: request.method ?? 'GET',
    url: `${String(request.headers['x-test-scheme'])}//${request.headers.host}${request.url}`,
    headers,
    body,
    hasBody: request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined,
    signal: gone.signal,
  };
  script.sent.push(sent);
  let reply: Response;
  try {
    reply = await replyFor(script, script.sent.length - 1)(sent);
  } catch {
    request.socket.resetAndDestroy();
    return;
  }
  for (const [name, value] of reply.headers) response.appendHeader(name, value);
  response.writeHead(reply.status, reply.statusText || undefined);
  response.end(Buffer.from(await reply.arrayBuffer()));
}

function scriptServer(): Promise<string> {
  return (server ??= new Promise((resolve) => {
    const listening = createServer((request, response) => void answer(request, response));
    listening.listen(0, '127.0.0.1', () => {
      listening.unref();
      resolve(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`);
    });
  }));
}

/** The undici sender, with every request of the script sent to the script server (the Host header kept). */
function scriptedUndiciSender(id: string): Sender {
  const real = createUndiciSender({ proxy: false });
  const script = scripts.get(id) as Script;
  return {
    async send(url, init) {
      const target = new URL(url);
      const next = replyFor(script, script.sent.length) as Reply & { failureCode?: string };
      if (next.failureCode === 'ECONNREFUSED') {
        script.sent.push({ method: init.method, url, headers: new Headers(init.headers), body: new Uint8Array(), hasBody: init.body !== null, signal: new AbortController().signal });
        throw Object.assign(new Error(`connect ECONNREFUSED ${target.host}`), { code: 'ECONNREFUSED' });
      }
      const headers = { ...init.headers, host: target.host, 'x-test-script': id, 'x-test-scheme': target.protocol };
      const sent = await real.send(`${await scriptServer()}${target.pathname}${target.search}`, { ...init, headers });
      return { ...sent, url };
    },
    ...(real.attemptController ? { attemptController: real.attemptController } : {}),
    close: () => real.close(),
  };
}

/** The senders, by name. */
export const SENDERS: SenderUnderTest[] = [
  { name: 'fetch', fakeFetch: fakeFetchInMemory, createTransport: createPortableTransport },
  {
    name: 'undici',
    fakeFetch: (...replies) => {
      const fake = fakeFetchInMemory(...replies);
      const id = String(nextScript++);
      scripts.set(id, { replies, sent: fake.sent });
      scriptOfFetch.set(fake.fetch, id);
      return fake;
    },
    createTransport: (options = {}) => {
      const id = options.fetch && scriptOfFetch.get(options.fetch);
      if (id === undefined) return createNodeTransport({ proxy: false, ...options });
      const { fetch: _scripted, ...rest } = options;
      return createNodeTransport({ ...rest, sender: scriptedUndiciSender(id) });
    },
  },
];
