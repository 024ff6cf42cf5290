/**
 * Turns a generated operation table into `client.<resource>.<method>(...pathParams, params, options)` functions
 * (arguments as call-arguments.ts lays them out), the operation's retry policy, response decoding by media type
 * (decode-response.ts), and a {@link PagedList} for operations with `x-apiclients-pagination`
 * (paging/list-operation.ts). Requests go straight to the transport's wire-form door (send-call.ts); openapi-fetch
 * serves `.raw` only, and the URLs and bodies built here match what it would send.
 */
import type { InvalidResponseError } from '../errors/request-errors.js';
import type { PagedList } from '../paging/paged-list.js';
import { listOf } from '../paging/list-operation.js';
import { Redactor } from '../redact/redact.js';
import type { Transport } from '../transport/transport.js';
import { isJson } from '../values/media-type.js';
import { APIPromise } from './api-promise.js';
import { argumentLayout, wireArguments } from './call-arguments.js';
import { resolveOperation, type OperationTable, type PaginationPolicy } from './operation-table.js';
import type { BoundOperations } from './operation-types.js';
import { prepare, type Target } from './prepared-call.js';
import { answer } from './send-call.js';

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
   * Repairs a next link before it is followed: the vendor's known server defects (Webex drops filter parameters,
   * https://github.com/WebexCommunity/WebexPythonSDK/issues/168, and sends `max=null`). Gets the link as sent and
   * the first page's URL.
   */
  repairNextUrl?: (next: string, firstUrl: string) => string;
  /** Redacts the raw body an {@link InvalidResponseError} carries: the client's redactor (default: credential shapes only). */
  redactor?: Redactor;
}

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
