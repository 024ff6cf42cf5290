/**
 * VssClient: the VSS API v2 request listings with paging (concurrent when the first page gives the count),
 * expansion, typed filters and sorts.
 */
import {
  authorization,
  ClientBase,
  ConfigurationError,
  createVendorClient,
  InvalidResponseError,
  isWholeNumber,
  mapData,
  pollAll,
  pollUntil,
  readEnv,
  recordOf,
  type APIPromise,
  type BoundOperations,
  type CallOptions,
  type CommonClientOptions,
  type PagedList,
  type PollOptions,
} from '@apiclients/core/internal';
import type { Client } from 'openapi-fetch';
import { operationTable, type components, type operations, type paths, type Resources } from './generated.js';
import { filterParam, sortParam, type Filter, type Sort } from './filter.js';

type Schemas = components['schemas'];
/** A request type: `change`, `export`, `folder`, `inventory`, `new`, `snapshot`. */
export type RequestType = Schemas['RequestType'];
/** The object of each request type. */
export interface RequestTypes {
  change: Schemas['ChangeRequest'];
  export: Schemas['ExportRequest'];
  folder: Schemas['FolderRequest'];
  inventory: Schemas['InventoryRequest'];
  new: Schemas['NewRequest'];
  snapshot: Schemas['SnapshotRequest'];
}
/** A status a request can be in. */
export type RequestStatus = Schemas['RequestStatus'];
/** `GET /request`: a count per request type. */
export type RequestSummary = Schemas['RequestSummary'];
/** A field of a request type, for filters and sorts. */
export type RequestField<T extends RequestType> = keyof RequestTypes[T] & string;

/** Options of {@link VssClient}. */
export interface VssClientOptions extends CommonClientOptions {
  /** The access token; falls back to `VSS_API_TOKEN`. */
  token?: string | undefined;
}

/** The query of `requests.list`, keys spelt as the API spells them. */
export interface ListRequestsParams<T extends RequestType> {
  /** Full request objects (true) or their URLs (false, the default); the API's `expand=1`. */
  expand?: boolean;
  /** `'status,eq,ERROR'` or `[['status', 'eq', 'ERROR'], ['created_on', 'gt', '2016-07-10']]`. */
  filter?: Filter<RequestField<T>>;
  /** `'created_on,desc'`, `['created_on', 'desc']`, or a list of those. */
  sort?: Sort<RequestField<T>>;
  /** Page size, 1 to 100 (the API's default is 10). */
  per_page?: number;
  /** First page to fetch (default 1). */
  page?: number;
}

/** Options of one `requests.list` call. */
export type ListRequestsOptions = Pick<CallOptions, 'concurrency' | 'limit' | 'maxPages' | 'signal' | 'headers'>;

/** Options of `requests.waitFor`: the statuses that end the wait, how often to ask, how long to wait, a signal. */
export type WaitForOptions = PollOptions<RequestStatus>;

/** One request to wait for, in `requests.waitForAll`. */
export interface RequestRef<T extends RequestType = RequestType> {
  type: T;
  id: number;
}

// Where processing ends: done, or failed (the spec's `GET /request/{type}/{id}`: pyvss's wait_for_request polls
// until PROCESSED and gives up on ERROR or ERROR_RETRY).
const FINISHED: readonly RequestStatus[] = ['PROCESSED', 'ERROR', 'ERROR_RETRY'];

/** The API's default server. */
export const VSS_BASE_URL = 'https://vss-api.eis.utoronto.ca/v2';

/** The request listings of VSS. */
export class VssRequests {
  readonly #bound: BoundOperations<typeof operationTable, operations>;
  readonly #baseUrl: string;

  /** @internal */
  constructor(bound: BoundOperations<typeof operationTable, operations>, baseUrl: string) {
    this.#bound = bound;
    this.#baseUrl = baseUrl;
  }

  /**
   * How many requests of each type the user has: the answer of `GET /request` whole, as the VSS documentation shows it
   * (wiki, "Request"): the counts in `data`, a link to each type's list in `_links`, `meta`. Unlike {@link get},
   * which answers the request itself (its answer's `data`).
   */
  summary(options: CallOptions = {}): APIPromise<RequestSummary> {
    return this.#bound.requests.summary(options);
  }

  /** The user's requests of one type: full objects with `expand: true`, else their URLs. */
  list<T extends RequestType>(type: T, params: ListRequestsParams<T> & { expand: true }, options?: ListRequestsOptions): PagedList<RequestTypes[T]>;
  list<T extends RequestType>(type: T, params?: ListRequestsParams<T> & { expand?: false }, options?: ListRequestsOptions): PagedList<string>;
  list<T extends RequestType>(type: T, params: ListRequestsParams<T> = {}, options: ListRequestsOptions = {}): PagedList<RequestTypes[T] | string> {
    const { expand, filter, sort, per_page: perPage, page, ...unknown } = params;
    const extra = Object.keys(unknown);
    if (extra.length) throw new ConfigurationError(`requests.list: unknown argument "${extra[0]}" (it takes expand, filter, sort, per_page, page)`);
    if (perPage !== undefined && (!isWholeNumber(perPage, 1) || perPage > 100)) {
      throw new ConfigurationError(`requests.list: "per_page" must be a whole number from 1 to 100, got ${perPage}`);
    }
    const query = {
      ...(expand ? { expand: 1 as const } : {}),
      ...(filter === undefined ? {} : { filter: filterParam(filter) }),
      ...(sort === undefined ? {} : { sort: sortParam(sort) }),
      ...(perPage === undefined ? {} : { per_page: perPage }),
      ...(page === undefined ? {} : { page }),
    };
    return this.#bound.requests.list(type, query, options) as PagedList<RequestTypes[T] | string>;
  }

  /** One request. */
  get<T extends RequestType>(type: T, id: number, options: CallOptions = {}): APIPromise<RequestTypes[T]> {
    return mapData(this.#bound.requests.get(type, id, options), (detail: unknown) => {
      // A 204 (nothing decoded) or a JSON `null`, or an answer without `data`, is not the request asked for.
      const where = `GET /request/${type}/${id}`;
      const answer = recordOf(detail, where, { status: detail === undefined ? 204 : 200 });
      return recordOf(answer.data, `${where} (its "data")`) as unknown as RequestTypes[T];
    });
  }

  /**
   * Waits until a request has been processed or has failed (or reached the statuses in `until`), asking again
   * after `intervalMs` (default 1 s), each pause half again as long up to `maxIntervalMs` (15 s), for at most
   * `timeoutMs` (10 min): then a `WaitTimeoutError` with the last status seen. Resolves with the request.
   */
  waitFor<T extends RequestType>(type: T, id: number, options: WaitForOptions = {}): Promise<RequestTypes[T]> {
    const request = { method: 'GET', url: `${this.#baseUrl}/request/${type}/${id}` };
    return pollUntil({ ask: (signal) => this.get(type, id, { signal }), statusOf: (found) => found.status, until: FINISHED, request }, options);
  }

  /** {@link waitFor} for several requests at once; their requests in the same order. The first failure ends every wait. */
  waitForAll<T extends RequestType>(requests: readonly RequestRef<T>[], options: WaitForOptions = {}): Promise<RequestTypes[T][]> {
    const { signal, ...rest } = options;
    return pollAll(requests.map(({ type, id }) => (each: AbortSignal) => this.waitFor(type, id, { ...rest, signal: each })), signal);
  }
}

/**
 * The resources that come from the operation table as they are: every one but `requests` (typed filters, sorts and
 * waits above) and `auth` (the token request takes Basic credentials, so it is {@link VssClient.login}).
 */
const OVERRIDDEN = ['requests', 'auth'] as const satisfies readonly (keyof Resources)[];
type TableResources = Omit<Resources, (typeof OVERRIDDEN)[number]>;

// Every other resource of the table is a property of the client (declaration merging types what the constructor assigns).
export interface VssClient extends TableResources {}

/** A client for the VSS API v2. */
export class VssClient extends ClientBase {
  /** `/request`: summary, listings, one request. */
  readonly requests: VssRequests;
  /** The plain openapi-fetch client, for calls the methods above do not cover. */
  readonly raw: Client<paths>;
  /** The base URL requests go to. */
  readonly baseUrl: string;

  constructor(options: VssClientOptions = {}) {
    super();
    const token = options.token ?? readEnv('VSS_API_TOKEN');
    if (!token) throw new ConfigurationError('No VSS token: pass { token }, set VSS_API_TOKEN, or get one with VssClient.login()');
    const parts = createVendorClient<operations, paths, typeof operationTable>(options, {
      baseUrl: VSS_BASE_URL,
      table: operationTable,
      credential: authorization('Bearer', token),
      secrets: [token],
    });
    this.baseUrl = parts.baseUrl;
    this.raw = parts.raw;
    this.attachTransport(parts.transport);
    // The generated signatures (names, docs) are what the bound operations are: checked here, at compile time.
    const resources: Resources = parts.operations;
    this.adoptResources(resources, OVERRIDDEN);
    this.requests = new VssRequests(parts.operations, parts.baseUrl);
  }

  /**
   * Gets an access token with the user's credentials (`POST /auth/request-token` with HTTP Basic, on the API's
   * host rather than under `/v2`, as pyvss and vss-cli do).
   */
  static async login(
    options: Omit<CommonClientOptions, 'headers'> & { username: string; password: string; signal?: AbortSignal },
  ): Promise<string> {
    const { username, password, signal, ...common } = options;
    if (!username || !password) throw new ConfigurationError('VssClient.login needs a username and a password');
    const origin = new URL(options.baseUrl ?? VSS_BASE_URL).origin;
    // RFC 7617: base64 of the UTF-8 bytes of `user:password`.
    const basic = authorization('Basic', btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`))));
    // The bound operation, like every other call: a body that is not JSON is an InvalidResponseError, not a SyntaxError.
    const { operations, close, redactor } = createVendorClient<operations, paths, typeof operationTable>(
      { ...common, baseUrl: origin },
      { baseUrl: origin, table: operationTable, credential: basic, secrets: [password] },
    );
    const data = await operations.auth.requestToken(signal ? { signal } : {}).finally(close);
    // The server's answer, not the caller's options, is at fault: an InvalidResponseError with what came instead.
    if (typeof data?.token !== 'string' || data.token === '') {
      throw new InvalidResponseError('POST /auth/request-token answered without a token', 200, { body: redactor.text(String(JSON.stringify(data))).slice(0, 1_000) });
    }
    return data.token;
  }
}

/**
 * The plain openapi-fetch client of the spec, already bound to the base URL, the credentials and the core
 * transport (retries, timeouts, redaction, typed errors). Takes the same options as {@link VssClient}; the same
 * client is every wrapper's `.raw`.
 */
export function createVssFetchClient(options: VssClientOptions = {}): Client<paths> {
  return new VssClient(options).raw;
}
