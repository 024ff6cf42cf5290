/**
 * A Webex webhook receiver for any runtime with the Fetch API (Deno, Bun, workers, Next.js routes): reads the raw
 * body up to a limit, checks `X-Spark-Signature` (src/webhook.ts), and calls the user's handler for the event.
 * What it answers: 405 to anything but POST; 413 over `maxBodyBytes`; 401 for a missing or wrong signature, before
 * any user code; 400 for a body that is not a webhook envelope; 200 once the handler resolved; 500, with no detail,
 * when it threw. Webex retries deliveries that fail and disables a webhook whose target keeps failing
 * (developer.webex.com, "Webhooks").
 */
import { ConfigurationError } from '@apiclients/core';
import {
  BodyTooLarge,
  collectBounded,
  declaredOver,
  loadOnce,
  wholeNumber,
} from '@apiclients/core/internal';
import { verifyWebhookSignature } from './webhook.js';
import {
  envelopeOf,
  toReceivedEvent,
  type ReceivedWebhookEvent,
  type WebhookEventHandler,
  type WebhookFetcher,
  type WebhookHandlers,
} from './webhook-events.js';

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** The webhook's `secret`: deliveries not signed with it are refused (401). */
  secret: string;
  /** Handlers by `resource.event` (`'messages.created'`, `'attachmentActions.created'`, …). */
  on?: WebhookHandlers;
  /** Called for an event that has no handler in `on` (resources Webex added later included). */
  onEvent?: WebhookEventHandler<ReceivedWebhookEvent<string, string>>;
  /** Told of a handler's error (Webex only gets an empty 500): log it here. */
  onError?: (error: unknown, event: ReceivedWebhookEvent<string, string>) => void;
  /** What `event.fetch()` reads through: a `SparkClient`. */
  client?: WebhookFetcher;
  /**
   * Answers 200 to the deliveries the client's own person caused (`actorId` is `client.people.me()`'s `id`, asked
   * once) without calling any handler: a bot answering `messages.created` would otherwise answer its own messages.
   * Needs `client`. Default `false`.
   */
  ignoreOwn?: boolean;
  /** The largest body read, in bytes (default 1 MiB; a Webex delivery is a few kB); more is a 413. */
  maxBodyBytes?: number;
}

/** What the receiver answers (status and a short plain-text body). */
export interface WebhookAnswer {
  status: 200 | 400 | 401 | 405 | 413 | 500;
  body: string;
}

/** A Webex webhook receiver. */
export interface WebhookHandler {
  /** The Fetch API handler: `Deno.serve(handler.fetch)`, `export const POST = handler.fetch`, … */
  fetch(request: Request): Promise<Response>;
  /** Checks and dispatches one delivery already read: its raw bytes and its `X-Spark-Signature`. */
  receive(rawBody: Uint8Array, signature: string | null | undefined): Promise<WebhookAnswer>;
  /** The body limit in force, in bytes. */
  readonly maxBodyBytes: number;
}

/** 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const ANSWERS = {
  ok: { status: 200, body: '' },
  badEnvelope: { status: 400, body: 'not a Webex webhook delivery' },
  badSignature: { status: 401, body: 'missing or wrong X-Spark-Signature' },
  notPost: { status: 405, body: 'POST only' },
  tooLarge: { status: 413, body: 'body too large' },
  failed: { status: 500, body: '' },
} as const satisfies Record<string, WebhookAnswer>;

/** The Webex webhook answers, for the Node listener. */
export { ANSWERS as WEBHOOK_ANSWERS };

/** Reads `stream` whole, or returns null as soon as it passes `limit` bytes (then cancels it). */
async function readAtMost(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  return orNullWhenTooLarge(collectBounded(() => reader.read(), () => reader.cancel().catch(() => undefined), 413, limit));
}

/** The body read by core's bounded reader, or null when it passed its limit. */
export async function orNullWhenTooLarge(read: Promise<Uint8Array>): Promise<Uint8Array | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BodyTooLarge) return null;
    throw error;
  }
}

/**
 * Whether a delivery was caused by the token's own person: its `actorId`, the person whose action caused the event
 * (https://developer.webex.com/docs/webhooks, the delivery's envelope; `WebhookEvent` in specs/spark.yaml), is
 * `people.me()`'s `id`.
 * Not `data.personId`: a membership's is the member, and a bot wants `memberships.created` for itself (it was added
 * to a room, by someone else). `people.me()` is asked once (a failure is not kept).
 */
function ownEvents(people: NonNullable<WebhookFetcher['people']>): (actorId: string | undefined) => Promise<boolean> {
  const me = loadOnce(async () => (await people.me()).id);
  return async (actorId) => actorId !== undefined && actorId === (await me());
}

/**
 * A Webex webhook receiver: `handler.fetch` for the Fetch API; in Node, `@apiclients/spark` gives one that is also a
 * `node:http` request listener. Verifies `X-Spark-Signature` before anything else runs.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secret, on = {}, onEvent, onError, client, ignoreOwn = false } = options;
  if (typeof secret !== 'string' || secret === '') throw new ConfigurationError('createWebhookHandler: { secret } is required (the webhook\'s secret)');
  if (ignoreOwn && typeof client?.people?.me !== 'function') {
    throw new ConfigurationError('createWebhookHandler: ignoreOwn needs { client } (a SparkClient) to ask people.me() who the bot is');
  }
  const isOwn = ignoreOwn && client?.people ? ownEvents(client.people) : async () => false;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  wholeNumber('createWebhookHandler: maxBodyBytes', maxBodyBytes, 1);
  const decoder = new TextDecoder('utf-8', { fatal: true });

  async function receive(rawBody: Uint8Array, signature: string | null | undefined): Promise<WebhookAnswer> {
    if (rawBody.byteLength > maxBodyBytes) return ANSWERS.tooLarge;
    if (!(await verifyWebhookSignature(rawBody, signature, secret))) return ANSWERS.badSignature;
    let envelope;
    try {
      envelope = envelopeOf(JSON.parse(decoder.decode(rawBody)));
    } catch {
      envelope = undefined;
    }
    if (!envelope) return ANSWERS.badEnvelope;
    const event = toReceivedEvent(envelope, client);
    const handler = (on as Record<string, WebhookEventHandler<never> | undefined>)[`${envelope.resource}.${envelope.event}`] ?? onEvent;
    try {
      if (await isOwn(envelope.actorId)) return ANSWERS.ok;
      await handler?.(event as never);
      return ANSWERS.ok;
    } catch (error) {
      onError?.(error, event);
      return ANSWERS.failed;
    }
  }

  return {
    maxBodyBytes,
    receive,
    async fetch(request) {
      const answer = await (async (): Promise<WebhookAnswer> => {
        if (request.method !== 'POST') return ANSWERS.notPost;
        if (declaredOver(request.headers.get('content-length'), maxBodyBytes)) return ANSWERS.tooLarge;
        const body = await readAtMost(request.body, maxBodyBytes);
        return body ? receive(body, request.headers.get('x-spark-signature')) : ANSWERS.tooLarge;
      })();
      const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
      if (answer.status === 405) headers.allow = 'POST';
      return new Response(answer.body || null, { status: answer.status, headers });
    },
  };
}
