/**
 * Turns a generated operation table into `client.<resource>.<method>(...pathParams, params, options)` functions
 * (arguments as call-arguments.ts lays them out), the operation's retry policy, response decoding by media type, and a
 * {@link PagedList} for operations with `x-apiclients-pagination`. Requests go straight to the transport's
 * wire-form door; openapi-fetch serves `.raw` only, and the URLs and bodies built here match what it would send.
 */
import { APIPromise, type WithResponse } from './api-promise.js';
import { argumentLayout, wireArguments, type WireArguments } from './call-arguments.js';
import type { CallOptions } from './call-options.js';
import { ConfigurationError, InvalidResponseError } from '../errors/errors.js';
import { eitherSignal } from '../transport/either-signal.js';
import { jsonParseFailure } from '../errors/json-parse-failure.js';
import { nextLink } from '../paging/link-header.js';
import { resolveOperation, type OperationTable, type PaginationPolicy, type ResolvedOperation } from './operation-table.js';
import type { BoundOperations } from './operation-types.js';
import { PagedList, wholeNumber, type LaterPages, type PageResult } from '../paging/paged-list.js';
import { encodeBody } from '../transport/request-body.js';
import { requestUrl } from '../transport/request-url.js';
import { registerBodySecrets } from '../redact/secret-fields.js';
import { Redactor } from '../redact/redact.js';
import type { ResponseHead } from '../transport/sender.js';
import { lowerCaseHeaders, textOf, type RequestPolicy, type Transport } from '../transport/transport.js';

/** Options of {@link bindOperations}. */
export interface BindOptions {
  /** Most pages one list may fetch (default 10 000). */
  maxPages?: number;
  /**
   * Path parameters the client fills in itself, by wire name: what it already knows, such as Statuspage's
   * `page_id`. Callers do not pass them.
   */
  defaults?: Record<string, string | number>;
  /**
   * Repairs a next link before it is followed: the vendor's known server defects (Webex drops filter parameters
   * and sends `max=null`). Gets the link as sent and the first page's URL.
   */
  repairNextUrl?: (next: string, firstUrl: string) => string;
  /** Redacts the raw body an {@link InvalidResponseError} carries: the client's redactor (default: credential shapes only). */
  redactor?: Redactor;
}

type Params = { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, string> };

/**
 * Binds every operation of `table` to requests against `baseUrl` through `transport`; the result is typed by the
 * generated `operations` interface.
 */
export function bindOperations<Ops, Table extends OperationTable, Defaulted extends string = never>(
  baseUrl: string,
  table: Table,
  transport: Transport,
  options: BindOptions & { defaults?: Partial<Record<Defaulted, string | number>> } = {},
): BoundOperations<Table, Ops, Defaulted> {
  const bound: Record<string, Record<string, unknown>> = {};
  const redactor = options.redactor ?? new Redactor();
  for (const [operationId, generated] of Object.entries(table)) {
    const entry = resolveOperation(generated);
    // An operation that answers only JSON parses every body as JSON, whatever its label (read no header for it).
    const target: Target = { baseUrl, entry, transport, redactor, jsonOnly: entry.responses.every(isJson) };
    const layout = argumentLayout(entry, options.defaults as Record<string, string | number> | undefined);
    const prepared = (args: unknown[]) => prepare(entry, operationId, wireArguments(entry, layout, args));
    const call = entry.pagination
      ? (...args: unknown[]) => listOf(target, entry.pagination as PaginationPolicy, prepared(args), options)
      : (...args: unknown[]) => new APIPromise(answer(target, () => prepared(args)));
    (bound[entry.resource] ??= {})[entry.method] = call;
  }
  return bound as BoundOperations<Table, Ops, Defaulted>;
}

/** Where a bound operation's requests go. */
interface Target {
  baseUrl: string;
  entry: ResolvedOperation;
  transport: Transport;
  redactor: Redactor;
  jsonOnly: boolean;
}

interface Prepared {
  params: Params;
  body: unknown;
  callOptions: CallOptions;
  policy: RequestPolicy;
}

// Wire arguments → the request's parameters and its policy (idempotency, credential).
function prepare(entry: ResolvedOperation, operation: string, wire: WireArguments): Prepared {
  const { callOptions } = wire;
  const params: Params = { path: wire.path, query: { ...wire.query, ...callOptions.extraParams }, header: wire.header };
  const policy: RequestPolicy = { idempotent: entry.idempotent, operation };
  if (callOptions.timeoutMs !== undefined) policy.timeoutMs = callOptions.timeoutMs;
  if (callOptions.maxRetries !== undefined) policy.maxRetries = callOptions.maxRetries;
  if (entry.rateLimit) policy.rateLimit = { name: `${entry.resource}.${entry.method}`, rule: entry.rateLimit };
  if (entry.anonymous) policy.credential = null;
  else if (callOptions.credential) policy.credential = callOptions.credential;
  return { params, body: wire.body, callOptions, policy };
}

// Whether a media type is decoded as JSON.
const isJson = (media: string) => /json/i.test(media);

async function send(target: Target, prepared: Prepared) {
  const { baseUrl, entry, transport } = target;
  const { params, body, callOptions, policy } = prepared;
  const headers = { ...params.header, ...lowerCaseHeaders(callOptions.headers) };
  const sent = requestUrl(baseUrl, entry.path, params.path, params.query);
  registerBodySecrets(body, target.redactor);
  const { response, bytes, url } = await transport.exchange(
    {
      method: entry.verb,
      url: sent,
      headers,
      body: body === undefined ? null : await encodeBody(body, entry.requestBody, headers),
      signal: callOptions.signal,
      maxResponseBytes: callOptions.maxResponseBytes,
    },
    policy,
  );
  return { data: decode(target, response, bytes), response, url, sent };
}

// Async, so bad arguments are a rejection like every other failure (still before any request).
async function answer(target: Target, prepared: () => Prepared): Promise<WithResponse<unknown>> {
  const { data, response, url } = await send(target, prepared());
  const { status, statusText, headers } = response;
  // The URL that answered carries a query credential (V-Spark's token): never hand it on.
  const info = { status, statusText, headers, url: target.redactor.url(url) };
  return { data, response: info, requestId: target.transport.requestIdOf(headers) };
}

/**
 * A success body by the operation's media types: nothing for 204/205 or HEAD; JSON; or, for an operation that can
 * answer in another media type (V-Spark's CSV), text unless the response says it is JSON. A body that is not what
 * the operation promises (empty, not JSON, an HTML page from a proxy) is an {@link InvalidResponseError} carrying
 * the raw text, never a bare SyntaxError and never a silent `undefined`.
 */
function decode({ entry, redactor, jsonOnly }: Target, response: ResponseHead, bytes: Uint8Array): unknown {
  if (response.status === 204 || response.status === 205 || entry.verb === 'head') return undefined;
  const text = textOf(bytes);
  // The path template, not the URL, names the operation in errors: it carries no secret.
  const where = () => `${entry.verb.toUpperCase()} ${entry.path}`;
  const invalid = (problem: string) => invalidResponse(`The ${response.status} response of ${where()} ${problem}`, response.status, text, redactor);
  // An operation whose spec gives its success no body answers nothing; so may a DELETE, which often answers 200
  // with nothing where its spec says 204. Every other operation promised a body.
  if (text === '') {
    if (entry.responses.length === 0 || entry.verb === 'delete') return undefined;
    throw invalid(`is empty; the operation answers ${entry.responses.join(' or ') || 'application/json'}`);
  }
  if (jsonOnly) return parseJson(text, where, response.status, redactor);
  const contentType = response.headers.get('content-type');
  if (isJson(contentType ?? '')) return parseJson(text, where, response.status, redactor);
  // Several media types: the response's own must be one of them (an unlabelled body is taken as text).
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence && !entry.responses.some((m) => m.toLowerCase() === essence)) {
    throw invalid(`is ${essence}; the operation answers ${entry.responses.join(' or ')}`);
  }
  return text;
}

function invalidResponse(message: string, status: number, text: string, redactor: Redactor, cause?: unknown): InvalidResponseError {
  return new InvalidResponseError(message, status, { body: redactor.text(text), ...(cause === undefined ? {} : { cause }) });
}

/**
 * Parses JSON text, failing with an {@link InvalidResponseError} that carries the (redacted) text; `where` names
 * the request in that error (built only then).
 */
function parseJson(text: string, where: () => string, status: number, redactor: Redactor): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidResponse(`The ${status} response of ${where()} is ${text === '' ? 'empty' : 'not valid JSON'}`, status, text, redactor, jsonParseFailure(error));
  }
}

function at(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

function listOf(target: Target, pagination: PaginationPolicy, prepared: Prepared, options: BindOptions): PagedList<unknown> {
  const { perPageParam, defaultPerPage } = pagination;
  if (perPageParam && defaultPerPage !== undefined && prepared.params.query[perPageParam] === undefined) {
    prepared.params.query[perPageParam] = defaultPerPage;
  }
  // A list whose pages count from another number than 1 (Statuspage's subscribers count from 0) says so on
  // the first request rather than trusting the server's default.
  const { pageParam, start } = pagination;
  if (pageParam && start !== undefined && start !== 1 && prepared.params.query[pageParam] === undefined) {
    prepared.params.query[pageParam] = start;
  }
  const perPage = perPageParam ? Number(prepared.params.query[perPageParam]) : NaN;
  let firstUrl: string | undefined;
  const fetchPage = async (nextUrl: string | null, signal?: AbortSignal): Promise<PageResult<unknown>> => {
    if (nextUrl === null) firstUrl = undefined;
    // The list's own signal (pages it stops waiting for) and the caller's, whichever fires first.
    const callOptions = signal ? { ...prepared.callOptions, signal: eitherSignal(signal, prepared.callOptions.signal) as AbortSignal } : prepared.callOptions;
    let data: unknown;
    let response: ResponseHead;
    let url: string;
    let origin: string | undefined;
    if (nextUrl === null) {
      let sent: string;
      ({ data, response, url, sent } = await send(target, { ...prepared, callOptions }));
      origin = new URL(sent).origin;
    } else {
      // Next pages are followed verbatim through the same transport (credentials, retries, timeouts).
      const headers = { accept: 'application/json', ...lowerCaseHeaders(callOptions.headers) };
      const answered = await target.transport.exchange(
        { method: 'GET', url: nextUrl, headers, signal: callOptions.signal, maxResponseBytes: callOptions.maxResponseBytes },
        prepared.policy,
      );
      data = parseJson(textOf(answered.bytes), () => `GET ${new URL(nextUrl).pathname}`, answered.response.status, target.redactor);
      ({ response, url } = answered);
    }
    const found = at(data, pagination.items);
    const items = Array.isArray(found) ? found : [];
    const next = nextOf(pagination, response, data, items, url, perPage);
    const repaired = next && options.repairNextUrl ? options.repairNextUrl(next, firstUrl ?? url) : next;
    const page: PageResult<unknown> = { items, next: repaired, url, response, requestId: target.transport.requestIdOf(response.headers) };
    firstUrl ??= url;
    if (nextUrl === null) {
      const later = laterPagesOf(pagination, data, url);
      if (later) page.laterPages = later;
      if (origin) page.origin = origin;
    }
    return page;
  };
  const { concurrency, limit, maxPages = options.maxPages } = prepared.callOptions;
  return new PagedList(fetchPage, {
    redact: (url) => target.redactor.url(url),
    ...(maxPages === undefined ? {} : { maxPages }),
    ...(limit === undefined ? {} : { limit: wholeNumber('limit', limit, 0) }),
    ...(concurrency === undefined ? {} : { concurrency: wholeNumber('concurrency', concurrency, 1) }),
  });
}

function pageNumberOf(url: string, pageParam: string, start: number): number {
  const value = new URL(url).searchParams.get(pageParam);
  return value === null || !/^\d+$/.test(value) ? start : Number(value);
}

function withPage(url: string, pageParam: string, page: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set(pageParam, String(page));
  return parsed.href;
}

/** The next page's URL, by the operation's pagination style, or null on the last page. */
function nextOf(
  pagination: PaginationPolicy,
  response: ResponseHead,
  data: unknown,
  items: unknown[],
  url: string,
  perPage: number,
): string | null {
  switch (pagination.style) {
    // RFC 8288 Link header (Webex). An empty page may still link on: page until there is no next link.
    case 'link':
      return nextLink(response.headers.get('link'));
    // A next URL in the body (VSS `meta.pages.next_url`); a missing one (or a missing `meta`: the live VSS Python
    // client loops forever there) ends the list, and so does an empty page where the spec says `endOnEmptyPage`.
    case 'next-url': {
      const next = at(data, pagination.next);
      if (pagination.endOnEmptyPage && items.length === 0) return null;
      return typeof next === 'string' && next !== '' ? next : null;
    }
    // Page numbers (Statuspage): the list ends at an empty page or one shorter than the page size asked for.
    case 'page-number': {
      const pageParam = pagination.pageParam ?? 'page';
      if (items.length === 0 || (Number.isFinite(perPage) && items.length < perPage)) return null;
      return withPage(url, pageParam, pageNumberOf(url, pageParam, pagination.start ?? 1) + 1);
    }
    default:
      throw new ConfigurationError(`Unknown x-apiclients-pagination style "${pagination.style}"`);
  }
}

/**
 * The later pages, when the first page says how many there are: a count and a way to build each URL, so that a
 * server announcing `pages: 1e9` allocates nothing (the list caps what it fetches at `maxPages`).
 */
function laterPagesOf(pagination: PaginationPolicy, data: unknown, url: string): LaterPages | undefined {
  const { pageParam } = pagination;
  if (!pagination.totalPages || !pageParam) return undefined;
  const total = at(data, pagination.totalPages);
  if (typeof total !== 'number' || !Number.isSafeInteger(total)) return undefined;
  const current = pageNumberOf(url, pageParam, pagination.start ?? 1);
  return { count: Math.max(0, total - current), url: (index) => withPage(url, pageParam, current + 1 + index) };
}
