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
  readEnv,
  type CallOptions,
  type CommonClientOptions,
  type WithResponse,
} from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { DEFAULT_RETRY_AFTER_SECONDS, sparkErrors } from './errors.js';
import { isRemoteUrl, refuseLocalPath, toUpload, type FileInput, type Upload } from './files.js';
import { operationTable, type components, type operations, type paths, type Resources } from './generated.js';
import { repairNextLink } from './next-link.js';

/** Options of {@link SparkClient}. */
export interface SparkClientOptions extends CommonClientOptions {
  /** The access token; falls back to `WEBEX_ACCESS_TOKEN`, then `SPARK_ACCESS_TOKEN`. */
  accessToken?: string | undefined;
}

/** The API's server (the seed's `https://api.ciscospark.com/v1/` is the legacy name of the same API). */
export const SPARK_BASE_URL = 'https://webexapis.com/v1';

type Schemas = components['schemas'];
/** What `messages.create` takes: the message, with `files` as one URL, path, Blob or bytes. */
export type MessageCreateInput = Omit<Schemas['MessageCreate'], 'files'> & { files?: readonly FileInput[] | FileInput };

/** Message operations, with uploads. */
export type Messages = Omit<Resources['messages'], 'create'> & {
  /** Posts a message (`{ roomId, text }`); a local file, Blob or bytes in `files` is uploaded as multipart. */
  create(params: MessageCreateInput, options?: CallOptions): APIPromise<Schemas['Message']>;
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
type TableResources = Omit<Resources, 'messages' | 'accessTokens'>;

// Message text fields sent as multipart parts beside the file (developer.webex.com, "Message Attachments").
const MULTIPART_FIELDS = ['roomId', 'toPersonId', 'toPersonEmail', 'text', 'markdown', 'parentId'] as const;

/**
 * A client for the Webex (Cisco Spark) REST API. In Node, `import { SparkClient } from '`@apiclients/spark`'`
 * gives the subclass of src/node.ts, which also uploads local paths; elsewhere a path in `files` is a
 * `LocalPathNotSupportedError`.
 */
// Every resource of the table is a property of the client (declaration merging types what the constructor assigns).
export interface SparkClient extends TableResources {}

export class SparkClient extends ClientBase {
  readonly messages: Messages;
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
    const { raw, transport, operations: r } = createVendorClient<operations, paths, typeof operationTable>(options, {
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
    this.raw = raw;
    this.attachTransport(transport);
    // The generated signatures (names, docs) are what the bound operations are: checked here, at compile time.
    const resources: Resources = r;
    Object.assign(this, resources);
    const readLocalFile = (path: string) => this.readLocalFile(path);
    this.messages = {
      ...r.messages,
      // Reading a local file comes first; the call's response is still there with withResponse().
      create: (params, callOptions) => new APIPromise(createMessage(r.messages.create, params, readLocalFile, callOptions)),
    };
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

async function createMessage(
  create: Resources['messages']['create'],
  body: MessageCreateInput,
  readLocalFile: (path: string) => Promise<Upload>,
  options?: CallOptions,
): Promise<WithResponse<Schemas['Message']>> {
  const files = body.files === undefined ? [] : Array.isArray(body.files) ? [...body.files] : [body.files as FileInput];
  if (files.length > 1) throw new ConfigurationError(`messages.create: "files" holds one file (Webex takes one per message), got ${files.length}`);
  const [file] = files;
  if (file === undefined || isRemoteUrl(file)) {
    const { files: _files, ...rest } = body;
    return create({ ...rest, ...(file === undefined ? {} : { files: [file] }) }, options).withResponse();
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
