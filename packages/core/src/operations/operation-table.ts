/**
 * The shape of the per-operation tables that scripts/generate.mjs writes to generated/<vendor>/operations.ts.
 * Core reads them; it never knows a vendor's operations by name. The tables ship in users' bundles, so the
 * generator leaves out every field at its default; {@link resolveOperation} fills them in once, at bind time.
 */

import type { RateLimitRule } from '../rate-limit/rule.js';
import { IDEMPOTENT_METHODS } from '../transport/idempotent-methods.js';

/** One parameter of an operation. */
export interface OperationParam {
  /** Name on the wire (`per_page`), which is also the name callers use. */
  readonly name: string;
  /** Where it goes; default `query`. */
  readonly in?: string;
  /** Whether the spec requires it; default: true in the path, false elsewhere. */
  readonly required?: boolean;
  /** The schema's primitive type, checked before any request; default `string`; `any` when it has none. */
  readonly type?: string;
  /** The schema's allowed values, when it lists them: checked before any request. */
  readonly enum?: readonly unknown[];
  /** `x-apiclients-accept`: the response media type each value asks for, sent as `Accept`. */
  readonly accept?: Readonly<Record<string, string>>;
}

/** Pagination policy from `x-apiclients-pagination`. */
export interface PaginationPolicy {
  /** `link`: RFC 8288 `Link rel="next"` header. `next-url`: a next URL in the body at `next`. */
  readonly style: string;
  /** Dotted path of the item list in the body (`items`, `data`); absent when the body is the list. */
  readonly items?: string;
  /** `next-url` only: dotted path of the next URL in the body (`meta.pages.next_url`). */
  readonly next?: string;
  /** Dotted path of the total page count in the body (`meta.pages.pages`): lets later pages be fetched concurrently. */
  readonly totalPages?: string;
  /** Query parameter holding the page number (`page`). */
  readonly pageParam?: string;
  /** `page-number` only: query parameter holding the page size (`per_page`, `limit`). */
  readonly perPageParam?: string;
  /** `page-number` only: the number of the first page (1, or 0 for Statuspage's subscribers: https://developer.statuspage.io/#operation/getPagesPageIdSubscribers). */
  readonly start?: number;
  /** An empty page ends the list even if it links on (VSS); by default only a missing next link ends it. */
  readonly endOnEmptyPage?: boolean;
  /** `page-number` only: the page size sent when the caller gives none (the API's maximum saves requests). */
  readonly defaultPerPage?: number;
}

/** One operation, as the generator extracted it from the spec. */
export interface OperationEntry {
  readonly resource: string;
  readonly method: string;
  readonly verb: string;
  readonly path: string;
  /** Default: none. */
  readonly params?: readonly OperationParam[];
  /** Media types the request body may have; default: none (a body is sent as JSON). */
  readonly requestBody?: readonly string[];
  /** Top-level fields of the request body (inside the envelope), which callers pass flat; default: none. */
  readonly bodyFields?: readonly string[];
  /** The body fields the schema requires; default: none. */
  readonly bodyRequired?: readonly string[];
  /** The body schema takes fields beyond `bodyFields` (`additionalProperties`); default: false. */
  readonly bodyOpen?: boolean;
  /** `x-apiclients-body-param`: the body is passed whole under this key of the flat object, not as fields. */
  readonly bodyParam?: string;
  /** Media types of the success responses; default: JSON only; empty: the operation answers with no body. */
  readonly responses?: readonly string[];
  /** `x-apiclients-pagination`; default: not a list. */
  readonly pagination?: PaginationPolicy | null;
  /** `x-apiclients-idempotent`; default: by the HTTP method (RFC 9110 §9.2.2). */
  readonly idempotent?: boolean;
  /** `x-apiclients-rate-limit` on the operation: a stricter budget, counted on top of the document's. */
  readonly rateLimit?: RateLimitRule | null;
  /** `security: []`: the request carries no credential. */
  readonly anonymous?: boolean;
  /** `x-apiclients-envelope`: the key the request body is wrapped in (`{ component: … }`), or null. */
  readonly envelope?: string | null;
}

/** A vendor's table, keyed by operationId. */
export type OperationTable = Readonly<Record<string, OperationEntry>>;

/** A parameter with every default filled in. */
export type ResolvedParam = OperationParam & Required<Pick<OperationParam, 'in' | 'required' | 'type'>>;

/** An operation with every default filled in. */
export interface ResolvedOperation extends OperationEntry {
  readonly params: readonly ResolvedParam[];
  readonly requestBody: readonly string[];
  readonly bodyFields: readonly string[];
  readonly bodyRequired: readonly string[];
  readonly bodyOpen: boolean;
  readonly responses: readonly string[];
  readonly pagination: PaginationPolicy | null;
  readonly idempotent: boolean;
  readonly rateLimit: RateLimitRule | null;
}

/** An entry as the generator wrote it, with the defaults it left out filled in. */
export function resolveOperation(entry: OperationEntry): ResolvedOperation {
  return {
    ...entry,
    params: (entry.params ?? []).map((p) => {
      const where = p.in ?? 'query';
      return { ...p, in: where, required: p.required ?? where === 'path', type: p.type ?? 'string' };
    }),
    requestBody: entry.requestBody ?? [],
    bodyFields: entry.bodyFields ?? [],
    bodyRequired: entry.bodyRequired ?? [],
    bodyOpen: entry.bodyOpen ?? false,
    responses: entry.responses ?? ['application/json'],
    pagination: entry.pagination ?? null,
    idempotent: entry.idempotent ?? IDEMPOTENT_METHODS.has(entry.verb.toUpperCase()),
    rateLimit: entry.rateLimit ?? null,
  };
}
