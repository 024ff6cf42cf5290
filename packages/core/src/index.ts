/**
 * @apiclients/core: the runtime every @apiclients vendor package shares. It knows no vendor.
 * @packageDocumentation
 */
export * from './errors.js';
export { Redactor, REDACTED, SECRET_HEADERS, SECRET_QUERY_PARAMS } from './redact.js';
export { retryAfterMs } from './retry-after.js';
export { backoffMs, decideRetry, DEFAULT_RETRY_OPTIONS } from './retry-policy.js';
export type { FailedAttempt, RetryDecision, RetryOptions } from './retry-policy.js';
export { authorization, createTransport } from './transport.js';
export type { Credential, Exchange, FetchLike, OutgoingRequest, RequestPolicy, Transport, TransportOptions } from './transport.js';
export { apiErrorFromResponse, defaultMessageOf, DEFAULT_ERROR_SHAPE, parseBody } from './api-error-from-response.js';
export type { ErrorShape } from './api-error-from-response.js';
export { parseLinkHeader, nextLink } from './link-header.js';
export type { Link } from './link-header.js';
export { PagedList } from './paged-list.js';
export type { LaterPages, Page, PageFetcher, PagedListOptions, PageResult } from './paged-list.js';
export { bindOperations } from './bind-operations.js';
export type { BindOptions } from './bind-operations.js';
export { createFetchClient } from './fetch-client.js';
export { createVendorClient } from './vendor-client.js';
export type { VendorClientParts, VendorSetup } from './vendor-client.js';
export type { CallOptions } from './call-options.js';
export { resolveOperation } from './operation-table.js';
export type { OperationEntry, OperationParam, OperationTable, PaginationPolicy, ResolvedOperation, ResolvedParam } from './operation-table.js';
export type * from './operation-types.js';
export type { Logger } from './logger.js';
export { readEnv } from './env.js';
export { recordOf } from './record-of.js';
export { sleep } from './sleep.js';
export { transportOptionsFrom } from './client-options.js';
export type { CommonClientOptions } from './client-options.js';
export { vendorErrors } from './vendor-errors.js';
export type { VendorErrors } from './vendor-errors.js';
