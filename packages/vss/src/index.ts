/**
 * `@apiclients/vss`: a typed client for the University of Toronto VSS API v2 requests.
 * @packageDocumentation
 */
export { VssClient, createVssFetchClient, VssRequests, VSS_BASE_URL } from './client.js';
export type { VssClientOptions, ListRequestsOptions, ListRequestsParams, RequestType, RequestTypes, RequestStatus, RequestSummary, RequestField, RequestRef, WaitForOptions } from './client.js';
export { filterParam, sortParam, FILTER_OPERATORS } from './filter.js';
export type { Filter, FilterClause, FilterOperator, FilterValue, Sort, SortKey, SortDirection } from './filter.js';
export type { paths, components, operations } from './generated.js';
export * from '@apiclients/core/errors';
// The generated method signatures, Params types and schema aliases.
export type * from './generated-types.js';
