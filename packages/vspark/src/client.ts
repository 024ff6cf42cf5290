/**
 * VSparkClient: every operation of specs/vspark.yaml as `vspark.<resource>.<method>()`, plus the hierarchy walk.
 */
import {
  ClientBase,
  ConfigurationError,
  createVendorClient,
  InvalidResponseError,
  readEnv,
  recordOf,
  Redactor,
  type CallOptions,
  type CommonClientOptions,
  type Credential,
} from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { operationTable, type components, type operations, type paths, type Resources } from './generated.js';
import type { StatusByFormat } from './status-by-format.js';
import { walkFolders, type FolderRef } from './walk.js';

/** Options of {@link VSparkClient}. */
export interface VSparkClientOptions extends CommonClientOptions {
  /**
   * The V-Spark server as `host:port` (the original export program's first argument), or a full `http(s)://` URL.
   * Falls back to `VSPARK_HOST`. Ignored when `baseUrl` is given.
   */
  host?: string | undefined;
  /** The root token or a company's token; falls back to `VSPARK_TOKEN`. */
  token?: string | undefined;
  /** Use https with a bare `host:port` (default false: V-Spark listens on http by default). */
  secure?: boolean | undefined;
}

/** Output format of the status calls. */
export type StatusFormat = components['schemas']['StatusFormat'];
/** A folder's status, as JSON. */
export type FolderStatus = components['schemas']['FolderStatus'];
/** A company as `/config` describes it. */
export type CompanyConfig = components['schemas']['CompanyConfig'];
/** A folder as `/config/folders` describes it. */
export type FolderConfig = components['schemas']['FolderConfig'];

// V-Spark's token travels in the query string (V-Spark docs, "Reference for the /status API": `token` is required).
const TOKEN_PARAM = 'token';

/** The base URL for a `host:port` or URL. */
export function vsparkBaseUrl(host: string, secure = false): string {
  return baseUrlOf(host, secure, new Redactor());
}

// `redactor` knows the token when the client builds its base URL, so a refused host is quoted without it anywhere.
function baseUrlOf(host: string, secure: boolean | undefined, redactor: Redactor): string {
  // Plain-JS callers pass the port alone (`3000`) or a URL object: refuse clearly rather than fail on `.trim()`.
  if (typeof host !== 'string') throw new ConfigurationError(`host must be a string like "host:port", got ${typeof host}`);
  const trimmed = host.trim();
  // A host pasted from a browser's address bar carries `?token=…`: the token goes in `{ token }`, and is never
  // quoted back (redacted, as in any URL the client prints).
  const refuse = () =>
    new ConfigurationError(`host must look like "host:port" or "http://host:port", got ${JSON.stringify(redactor.url(host))}`);
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw refuse();
    }
    if (url.search || url.hash || url.username || url.password) throw refuse();
    return trimmed.replace(/\/+$/, '');
  }
  if (!/^[A-Za-z0-9.\-[\]:]+$/.test(trimmed)) throw refuse();
  return `${secure ? 'https' : 'http'}://${trimmed}`;
}

// Every resource of the table but `status` (typed by format below) is a property of the client, as it is
// (declaration merging types what the constructor assigns): `config` today.
export interface VSparkClient extends Omit<Resources, 'status'> {}

/** A client for one V-Spark installation. */
export class VSparkClient extends ClientBase {
  /** `/status` at each level of the hierarchy: JSON by default, the CSV text with `format: 'csv'`. */
  readonly status: StatusByFormat<typeof operationTable, operations>;
  /** The plain openapi-fetch client, for calls the methods above do not cover. */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  readonly #redactor: Redactor;
  readonly #token: string;

  constructor(options: VSparkClientOptions = {}) {
    super();
    const token = options.token ?? readEnv('VSPARK_TOKEN');
    if (!token) throw new ConfigurationError('No V-Spark token: pass { token } or set VSPARK_TOKEN');
    const host = options.host ?? readEnv('VSPARK_HOST');
    if (!options.baseUrl && !host) throw new ConfigurationError('No V-Spark host: pass { host: "host:port" } or set VSPARK_HOST');
    this.baseUrl = options.baseUrl ?? baseUrlOf(host as string, options.secure, new Redactor([token]));
    this.#token = token;
    const parts = createVendorClient<operations, paths, typeof operationTable>(
      { ...options, baseUrl: this.baseUrl },
      { baseUrl: this.baseUrl, table: operationTable, credential: tokenCredential(token), secrets: [token] },
    );
    this.#redactor = parts.redactor;
    this.raw = parts.raw;
    this.attachTransport(parts.transport);
    // The generated signatures (names, docs) are what the bound operations are: checked here, at compile time.
    const resources: Resources = parts.operations;
    this.adoptResources(resources, ['status']);
    this.status = parts.operations.status as unknown as StatusByFormat<typeof operationTable, operations>;
  }

  /** Company short name → that company's token (the original export program's `gettokens()`). Needs the root token. */
  async companyTokens(options: { signal?: AbortSignal } = {}): Promise<Map<string, string>> {
    const companies = await this.config.companies(options);
    const tokens = new Map<string, string>();
    for (const [company, config] of Object.entries(recordOf(companies, 'GET /config'))) {
      // An entry of `null`, or one without a string `uuid`, is not a company: a typed error, never a TypeError.
      const uuid = recordOf(config, `GET /config: company ${JSON.stringify(company)}`, { redactor: this.#redactor }).uuid;
      if (typeof uuid !== 'string' || uuid === '') {
        throw new InvalidResponseError(`GET /config: company ${JSON.stringify(company)} has no token (uuid)`, 200, { body: this.#redactor.text(String(JSON.stringify(config))).slice(0, 1_000) });
      }
      this.#redactor.add(uuid);
      tokens.set(company, uuid);
    }
    return tokens;
  }

  /**
   * Every folder of the installation with the token of its company (the original export program's `gettokens()` + `findfolders()`),
   * in `/config/folders` order. A company missing from `/config` is read with this client's own token.
   */
  walk(options: { signal?: AbortSignal } = {}): AsyncIterable<FolderRef> {
    return walkFolders(this, this.#token, options);
  }

  /**
   * One folder's status exactly as served (bytes), read with `token` (a company token from {@link walk}).
   * The export writes these bytes unchanged, so CSV is kept byte for byte.
   */
  async folderStatusBytes(
    folder: { company: string; org: string; folder: string },
    options: { format?: StatusFormat; token?: string; signal?: AbortSignal } = {},
  ): Promise<Uint8Array> {
    if (options.token) this.#redactor.add(options.token);
    const callOptions: CallOptions = { parseAs: 'bytes' };
    if (options.token) callOptions.credential = tokenCredential(options.token);
    if (options.signal) callOptions.signal = options.signal;
    // The bound operation, read as bytes: the same Accept per format, errors and redaction as every other call.
    const bytes = await this.status.folder(folder.company, folder.org, folder.folder, { format: options.format ?? 'json' }, callOptions);
    return bytes as unknown as Uint8Array;
  }
}

function tokenCredential(token: string): Credential {
  return { in: 'query', name: TOKEN_PARAM, value: token };
}

/**
 * The plain openapi-fetch client of the spec, already bound to the base URL, the credentials and the core
 * transport (retries, timeouts, redaction, typed errors). Takes the same options as {@link VSparkClient}; the same
 * client is every wrapper's `.raw`.
 */
export function createVSparkFetchClient(options: VSparkClientOptions = {}): Client<paths> {
  return new VSparkClient(options).raw;
}
