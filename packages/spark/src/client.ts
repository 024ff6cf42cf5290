/**
 * SparkClient: every resource of specs/spark.yaml (the twelve of ciscosparkapi) as a camelCase property, typed from it.
 * Lists page through `Link rel="next"` with Webex's next-link defects repaired; rate limits are waited out.
 */
import {
  APIPromise,
  authorization,
  ClientBase,
  ConfigurationError,
  createVendorClient,
  loadOnce,
  readEnv,
  type CallOptions,
  type CommonClientOptions,
  type WithResponse,
} from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { ensureWebhook, type EnsuredWebhook, type EnsureWebhookInput } from './ensure-webhook.js';
import { DEFAULT_RETRY_AFTER_SECONDS, sparkErrorHint, sparkErrors } from './errors.js';
import { isRemoteUrl, refuseLocalPath, toUpload, type FileInput, type Upload } from './files.js';
import { operationTable, type components, type operations, type paths, type Resources } from './generated.js';
import { repairNextLink } from './next-link.js';
import { Thread } from './thread.js';

/** Options of {@link SparkClient}. */
export interface SparkClientOptions extends CommonClientOptions {
  /** The access token; falls back to `WEBEX_ACCESS_TOKEN`, then `SPARK_ACCESS_TOKEN`. */
  accessToken?: string | undefined;
}

/** The API's server (ciscosparkapi's `https://api.ciscospark.com/v1/` is the legacy name of the same API). */
export const SPARK_BASE_URL = 'https://webexapis.com/v1';

type Schemas = components['schemas'];
/**
 * What `messages.create` takes: the message, with `files` as one URL, path, Blob or bytes. A field may be given as
 * `undefined` (left out), so the IDs of Webex's answers, all optional, pass straight in (`parentId: message.id`).
 */
export type MessageCreateInput = { [K in keyof Omit<Schemas['MessageCreate'], 'files'>]?: Schemas['MessageCreate'][K] | undefined } & {
  files?: readonly FileInput[] | FileInput | undefined;
};

/** What `messages.reply` takes: a message's fields but where it goes (the room and thread of the message answered). */
export type MessageReplyInput = Omit<MessageCreateInput, 'roomId' | 'parentId' | 'toPersonId' | 'toPersonEmail'>;

/**
 * The message `messages.reply` answers: a message (`messages.get`, `messages.create`) or a webhook's `event.data` of
 * a message (which carries its `id`, `roomId` and `parentId`).
 */
export interface RepliedMessage {
  id?: string | undefined;
  roomId?: string | undefined;
  parentId?: string | undefined;
}

/** Message operations, with uploads, cards and threads. */
export type Messages = Omit<Resources['messages'], 'create'> & {
  /**
   * Posts a message (`{ roomId, text }`); a local file, Blob or bytes in `files` is uploaded as multipart. One card
   * goes in `attachments`; a second card, or a card beside a local file, is a `ConfigurationError` before any request.
   */
  create(params: MessageCreateInput, options?: CallOptions): APIPromise<Schemas['Message']>;
  /**
   * Posts a message in the thread of `to`, in its room: `{ roomId: to.roomId, parentId: to.parentId ?? to.id }`.
   * Webex threads are one level deep, so a reply to a reply goes under the thread's first message. `to` without
   * `id` or `roomId` is a `ConfigurationError` before any request.
   */
  reply(to: RepliedMessage, params: MessageReplyInput, options?: CallOptions): APIPromise<Schemas['Message']>;
  /**
   * A whole thread from any of its messages' IDs: the parent, then the replies in the order they were posted. Each
   * iteration reads Webex again (`messages.get`, then `messages.list({ roomId, parentId })` to its last page). A
   * bot's thread in a group room holds the parent and the replies that mention the bot: Webex lets a bot list a
   * group room's messages only with `mentionedPeople=me` (whether the token is a bot's is asked once, `people.me()`).
   * `limit` in the options is `take(limit)`: the first messages of the thread, its parent counted.
   */
  thread(messageId: string, options?: CallOptions): Thread<Schemas['Message']>;
};

/** Webhook operations, with the idempotent registration. */
export type Webhooks = Resources['webhooks'] & {
  /**
   * Creates the webhook, or updates the one with the same `name` and `targetUrl` (its secret, reactivated); one
   * whose `resource`, `event` or `filter` differ is deleted and created again (Webex cannot update those). Other
   * webhooks of the same name and target (each would deliver every event again) are deleted.
   */
  ensure(params: EnsureWebhookInput, options?: CallOptions): Promise<EnsuredWebhook>;
};

/** OAuth token operations (form-encoded, sent without the bearer token), keys spelt as the API spells them. */
export interface AccessTokens {
  /** Exchanges an authorization code for an access token. */
  get(
    params: { client_id: string; client_secret: string; code: string; redirect_uri: string },
    options?: CallOptions,
  ): APIPromise<Schemas['AccessToken']>;
  /** Gets a new access token with a refresh token. */
  refresh(params: { client_id: string; client_secret: string; refresh_token: string }, options?: CallOptions): APIPromise<Schemas['AccessToken']>;
}

/** The resources that come from the operation table as they are. */
type TableResources = Omit<Resources, 'messages' | 'accessTokens' | 'webhooks'>;

// Message text fields sent as multipart parts beside the file (developer.webex.com, "Message Attachments").
const MULTIPART_FIELDS = ['roomId', 'toPersonId', 'toPersonEmail', 'text', 'markdown', 'parentId'] as const;
// webex-messaging.json, POST /messages `attachments`: "Only one card per message is supported".
const MOST_CARDS = 1;

/**
 * A client for the Webex (Cisco Spark) REST API. In Node, `import { SparkClient } from '`@apiclients/spark`'`
 * gives the subclass of src/node.ts, which also uploads local paths; elsewhere a path in `files` is a
 * `LocalPathNotSupportedError`.
 */
// Every resource of the table is a property of the client (declaration merging types what the constructor assigns).
export interface SparkClient extends TableResources {}

export class SparkClient extends ClientBase {
  readonly messages: Messages;
  readonly webhooks: Webhooks;
  readonly accessTokens: AccessTokens;
  /** The plain openapi-fetch client, for calls the resources do not cover. */
  readonly raw: Client<paths>;
  /** Whether the token is a bot's (`people.me()`'s `type`), asked once per client: a token's person does not change. */
  readonly #callerIsBot = loadOnce(async (options?: CallOptions) => (await this.people.me(undefined, options)).type === 'bot');

  constructor(options: SparkClientOptions = {}) {
    super();
    const token = options.accessToken ?? readEnv('WEBEX_ACCESS_TOKEN') ?? readEnv('SPARK_ACCESS_TOKEN');
    if (!token) {
      throw new ConfigurationError(
        'You must provide a Webex access token to use the API: pass { accessToken }, or set WEBEX_ACCESS_TOKEN or SPARK_ACCESS_TOKEN.',
      );
    }
    const { raw, transport, operations: r } = createVendorClient<operations, paths, typeof operationTable>(options, {
      baseUrl: SPARK_BASE_URL,
      table: operationTable,
      credential: authorization('Bearer', token),
      secrets: [token],
      defaults: {
        rateLimitFallbackMs: DEFAULT_RETRY_AFTER_SECONDS * 1000,
        errorShape: { classFor: sparkErrors.classFor, requestIdHeaders: ['trackingid'], hintFor: sparkErrorHint },
      },
      bind: { repairNextUrl: repairNextLink },
    });
    this.raw = raw;
    this.attachTransport(transport);
    // The generated signatures (names, docs) are what the bound operations are: checked here, at compile time.
    const resources: Resources = r;
    this.adoptResources(resources);
    const readLocalFile = (path: string) => this.readLocalFile(path);
    this.messages = {
      ...r.messages,
      // Reading a local file comes first; the call's response is still there with withResponse().
      create: (params, callOptions) => new APIPromise(createMessage(r.messages.create, params, readLocalFile, callOptions)),
      reply: (to, params, callOptions) => new APIPromise(createReply(r.messages.create, to, params, readLocalFile, callOptions)),
      thread: (messageId, callOptions = {}) => {
        // `limit` counts the thread's messages from its parent, as take() does: given to the replies' listing, which
        // Webex sends newest first, it kept the newest replies instead of the first ones.
        const { limit, ...options } = callOptions;
        const thread = new Thread(
          {
            get: (id) => r.messages.get(id, options),
            replies: (roomId, parentId, mentionedMe) => r.messages.list({ roomId, parentId, ...(mentionedMe ? { mentionedPeople: 'me' } : {}) }, options),
            callerIsBot: () => this.#callerIsBot({ ...(options.signal ? { signal: options.signal } : {}) }),
          },
          messageId,
        );
        return limit === undefined ? thread : thread.take(limit);
      },
    };
    this.webhooks = { ...r.webhooks, ensure: (params, callOptions) => ensureWebhook(r.webhooks, params, callOptions) };
    this.accessTokens = {
      get: (params, callOptions) => r.accessTokens.create({ grant_type: 'authorization_code', ...params }, callOptions),
      refresh: (params, callOptions) => r.accessTokens.create({ grant_type: 'refresh_token', ...params }, callOptions),
    };
  }


  /** Reads a local path given in `files`: refused here (no file system); the Node entry's subclass reads it. */
  protected readLocalFile(path: string): Promise<Upload> {
    return refuseLocalPath(path);
  }
}

/**
 * Where a reply to `to` goes: its room, under its thread's first message. `parentId` is "the parent message to reply
 * to" (https://developer.webex.com/docs/api/v1/messages/create-a-message), and Webex threads are one level deep: a
 * reply's `parentId` is the thread's first message, never another reply (src/thread.ts; the stateful mock answers
 * 400 to a reply to a reply, as Webex does).
 */
function replyPlace(to: RepliedMessage): { roomId: string; parentId: string } {
  const { id, roomId, parentId } = to ?? {};
  if (!id || !roomId) throw new ConfigurationError(`messages.reply: the message answered needs its "id" and "roomId", got ${JSON.stringify({ id, roomId })}`);
  return { roomId, parentId: parentId || id };
}

async function createReply(
  create: Resources['messages']['create'],
  to: RepliedMessage,
  params: MessageReplyInput,
  readLocalFile: (path: string) => Promise<Upload>,
  options?: CallOptions,
): Promise<WithResponse<Schemas['Message']>> {
  return createMessage(create, { ...params, ...replyPlace(to) }, readLocalFile, options);
}

async function createMessage(
  create: Resources['messages']['create'],
  body: MessageCreateInput,
  readLocalFile: (path: string) => Promise<Upload>,
  options?: CallOptions,
): Promise<WithResponse<Schemas['Message']>> {
  const files = body.files === undefined ? [] : Array.isArray(body.files) ? [...body.files] : [body.files as FileInput];
  if (files.length > 1) throw new ConfigurationError(`messages.create: "files" holds one file (Webex takes one per message), got ${files.length}`);
  const cards = body.attachments?.length ?? 0;
  if (cards > MOST_CARDS) throw new ConfigurationError(`messages.create: "attachments" holds one card (Webex shows one per message), got ${cards}`);
  const [file] = files;
  // A local file goes as multipart/form-data, which has no part for a card (developer.webex.com/docs/basics, "Message Attachments").
  if (cards > 0 && file !== undefined && !isRemoteUrl(file)) {
    throw new ConfigurationError('messages.create: a card cannot go with a local file (an upload is multipart, which carries no card); give the file by URL');
  }
  if (file === undefined || isRemoteUrl(file)) {
    const { files: _files, ...rest } = body;
    // Fields given as undefined are left out, as JSON would leave them.
    const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Schemas['MessageCreate'];
    return create({ ...fields, ...(file === undefined ? {} : { files: [file] }) }, options).withResponse();
  }
  const upload = await toUpload(file, readLocalFile);
  const form = new FormData();
  for (const field of MULTIPART_FIELDS) {
    const value = body[field];
    if (value !== undefined) form.append(field, String(value));
  }
  form.append('files', upload.blob, upload.filename);
  // FormData passes through openapi-fetch untouched; the transport re-sends its bytes (boundary included) on a retry.
  return create({ rawBody: form }, options).withResponse();
}

/**
 * The plain openapi-fetch client of the spec, already bound to the base URL, the credentials and the core
 * transport (retries, timeouts, redaction, typed errors). Takes the same options as {@link SparkClient}; the same
 * client is every wrapper's `.raw`.
 */
export function createSparkFetchClient(options: SparkClientOptions = {}): Client<paths> {
  return new SparkClient(options).raw;
}
