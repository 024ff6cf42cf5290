/**
 * SparkClient: the twelve resources of ciscosparkapi as camelCase properties, typed from specs/spark.yaml.
 * Lists page through `Link rel="next"` with Webex's next-link defects repaired; rate limits are waited out.
 */
import {
  authorization,
  ClosableClient,
  ConfigurationError,
  createVendorClient,
  readEnv,
  type BoundOperations,
  type CallOptions,
  type CommonClientOptions,
} from '@apiclients/core';
import type { Client } from 'openapi-fetch';
import { DEFAULT_RETRY_AFTER_SECONDS, sparkErrors } from './errors.js';
import { isRemoteUrl, refuseLocalPath, toUpload, type FileInput, type Upload } from './files.js';
import { operationTable, type components, type operations, type paths } from './generated.js';
import { repairNextLink } from './next-link.js';

/** Options of {@link SparkClient}. */
export interface SparkClientOptions extends CommonClientOptions {
  /** The access token; falls back to `WEBEX_ACCESS_TOKEN`, then `SPARK_ACCESS_TOKEN`. */
  accessToken?: string | undefined;
}

/** The API's server (the seed's `https://api.ciscospark.com/v1/` is the legacy name of the same API). */
export const SPARK_BASE_URL = 'https://webexapis.com/v1';

type Resources = BoundOperations<typeof operationTable, operations>;
type Schemas = components['schemas'];
/** What `messages.create` takes: the message, with `files` as one URL, path, Blob or bytes. */
export type MessageCreateInput = Omit<Schemas['MessageCreate'], 'files'> & { files?: readonly FileInput[] | FileInput };

/** Message operations, with uploads. */
export type Messages = Omit<Resources['messages'], 'create'> & {
  /** Posts a message; a local file, Blob or bytes in `files` is uploaded as multipart. */
  create(args: { body: MessageCreateInput }, options?: CallOptions): Promise<Schemas['Message']>;
};

/** OAuth token operations (form-encoded, sent without the bearer token). */
export interface AccessTokens {
  /** Exchanges an authorization code for an access token. */
  get(args: { clientId: string; clientSecret: string; code: string; redirectUri: string }, options?: CallOptions): Promise<Schemas['AccessToken']>;
  /** Gets a new access token with a refresh token. */
  refresh(args: { clientId: string; clientSecret: string; refreshToken: string }, options?: CallOptions): Promise<Schemas['AccessToken']>;
}

// Message text fields sent as multipart parts beside the file (developer.webex.com, "Message Attachments").
const MULTIPART_FIELDS = ['roomId', 'toPersonId', 'toPersonEmail', 'text', 'markdown', 'parentId'] as const;

/**
 * A client for the Webex (Cisco Spark) REST API. In Node, `import { SparkClient } from '@apiclients/spark'`
 * gives the subclass of src/node.ts, which also uploads local paths; elsewhere a path in `files` is a
 * `LocalPathNotSupportedError`.
 */
export class SparkClient extends ClosableClient {
  readonly people: Resources['people'];
  readonly rooms: Resources['rooms'];
  readonly memberships: Resources['memberships'];
  readonly messages: Messages;
  readonly teams: Resources['teams'];
  readonly teamMemberships: Resources['teamMemberships'];
  readonly webhooks: Resources['webhooks'];
  readonly organizations: Resources['organizations'];
  readonly licenses: Resources['licenses'];
  readonly roles: Resources['roles'];
  readonly events: Resources['events'];
  readonly accessTokens: AccessTokens;
  /** The plain openapi-fetch client, for calls the resources do not cover. */
  readonly raw: Client<paths>;

  constructor(options: SparkClientOptions = {}) {
    super();
    const token = options.accessToken ?? readEnv('WEBEX_ACCESS_TOKEN') ?? readEnv('SPARK_ACCESS_TOKEN');
    if (!token) {
      throw new ConfigurationError(
        'You must provide a Webex access token to use the API: pass { accessToken }, or set WEBEX_ACCESS_TOKEN or SPARK_ACCESS_TOKEN.',
      );
    }
    const { raw, operations: r, close } = createVendorClient<operations, paths, typeof operationTable>(options, {
      baseUrl: SPARK_BASE_URL,
      table: operationTable,
      credential: authorization('Bearer', token),
      secrets: [token],
      defaults: {
        rateLimitFallbackMs: DEFAULT_RETRY_AFTER_SECONDS * 1000,
        errorShape: { classFor: sparkErrors.classFor, requestIdHeaders: ['trackingid'] },
      },
      bind: { repairNextUrl: repairNextLink },
    });
    this.closeWith(close);
    this.raw = raw;
    this.people = r.people;
    this.rooms = r.rooms;
    this.memberships = r.memberships;
    this.teams = r.teams;
    this.teamMemberships = r.teamMemberships;
    this.webhooks = r.webhooks;
    this.organizations = r.organizations;
    this.licenses = r.licenses;
    this.roles = r.roles;
    this.events = r.events;
    const readLocalFile = (path: string) => this.readLocalFile(path);
    this.messages = { ...r.messages, create: (args, callOptions) => createMessage(r.messages.create, args, readLocalFile, callOptions) };
    this.accessTokens = {
      get: ({ clientId, clientSecret, code, redirectUri }, callOptions) =>
        r.accessTokens.create(
          { body: { grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri } },
          callOptions,
        ),
      refresh: ({ clientId, clientSecret, refreshToken }, callOptions) =>
        r.accessTokens.create(
          { body: { grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken } },
          callOptions,
        ),
    };
  }

  /** Reads a local path given in `files`: refused here (no file system); the Node entry's subclass reads it. */
  protected readLocalFile(path: string): Promise<Upload> {
    return refuseLocalPath(path);
  }
}

async function createMessage(
  create: Resources['messages']['create'],
  { body }: { body: MessageCreateInput },
  readLocalFile: (path: string) => Promise<Upload>,
  options?: CallOptions,
): Promise<Schemas['Message']> {
  const files = body.files === undefined ? [] : Array.isArray(body.files) ? [...body.files] : [body.files as FileInput];
  if (files.length > 1) throw new ConfigurationError(`messages.create: "files" holds one file (Webex takes one per message), got ${files.length}`);
  const [file] = files;
  if (file === undefined || isRemoteUrl(file)) {
    const { files: _files, ...rest } = body;
    return create({ body: { ...rest, ...(file === undefined ? {} : { files: [file] }) } }, options);
  }
  const upload = await toUpload(file, readLocalFile);
  const form = new FormData();
  for (const field of MULTIPART_FIELDS) {
    const value = body[field];
    if (value !== undefined) form.append(field, String(value));
  }
  form.append('files', upload.blob, upload.filename);
  // FormData passes through openapi-fetch untouched; the transport re-sends its bytes (boundary included) on a retry.
  return create({ body: form as unknown as Schemas['MessageCreate'] }, options);
}

/**
 * The plain openapi-fetch client of the spec, already bound to the base URL, the credentials and the core
 * transport (retries, timeouts, redaction, typed errors). Takes the same options as {@link SparkClient}; the same
 * client is every wrapper's `.raw`.
 */
export function createSparkFetchClient(options: SparkClientOptions = {}): Client<paths> {
  return new SparkClient(options).raw;
}
