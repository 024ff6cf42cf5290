/**
 * The Node form of the webhook receiver: the Fetch handler of src/webhook-handler.ts that is also a `node:http`
 * request listener, usable as Express or Connect middleware (`app.post('/webex', handler)`). It reads the raw body
 * itself; behind a body parser, give it the bytes (`express.raw({ type: '*\/*' })`): a parsed object cannot be
 * verified, so such a delivery is refused (401).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectBounded, declaredOver } from '@apiclients/core/internal';
import {
  createWebhookHandler as createFetchWebhookHandler,
  orNullWhenTooLarge,
  WEBHOOK_ANSWERS,
  type WebhookAnswer,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from './webhook-handler.js';

/** A webhook receiver that is also a `node:http` request listener (and Express/Connect middleware). */
export type NodeWebhookHandler = WebhookHandler & ((request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void);

function send(response: ServerResponse, answer: WebhookAnswer, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', ...extra };
  if (answer.status === 405) headers.allow = 'POST';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/** The request's body, or null past `limit` bytes. */
async function rawBodyOf(request: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  // A body parser before us may have kept the raw bytes (express.raw) or text.
  const parsed = (request as IncomingMessage & { body?: unknown }).body;
  if (parsed instanceof Uint8Array) return parsed;
  if (typeof parsed === 'string') return new TextEncoder().encode(parsed);
  if (declaredOver(request.headers['content-length'], limit)) return null;
  // Nothing to cancel past the limit: the caller discards the rest of the request.
  const chunks = request[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return orNullWhenTooLarge(collectBounded(() => chunks.next(), () => undefined, 413, limit));
}

async function handle(receiver: WebhookHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return send(response, WEBHOOK_ANSWERS.notPost);
  const body = await rawBodyOf(request, receiver.maxBodyBytes);
  if (!body) {
    // The rest of the body is discarded unread, and the connection closed once the 413 is sent.
    request.resume();
    return send(response, WEBHOOK_ANSWERS.tooLarge, { connection: 'close' });
  }
  const signature = request.headers['x-spark-signature'];
  send(response, await receiver.receive(body, Array.isArray(signature) ? undefined : signature));
}

/**
 * A Webex webhook receiver for Node: `http.createServer(handler)`, `app.post('/webex', handler)`, or
 * `handler.fetch(request)`. See {@link WebhookHandlerOptions}.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): NodeWebhookHandler {
  const receiver = createFetchWebhookHandler(options);
  const listener = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => {
    handle(receiver, request, response).catch((error: unknown) => {
      if (next) return next(error);
      if (!response.headersSent) send(response, WEBHOOK_ANSWERS.failed);
      else response.destroy();
    });
  };
  return Object.assign(listener, receiver);
}
