/**
 * `@apiclients/core`: what users of the `@apiclients` clients may import: the error classes, `PagedList`, the option
 * types, and `createTransport` for those who build a client of their own. It knows no vendor. What the vendor
 * packages share beyond this is `@apiclients/core/internal`, which makes no semver promise.
 * @packageDocumentation
 */
export * from './error-classes.js';
export type { RequestSummary } from './errors/api-client-error.js';
export type { ApiErrorClass } from './errors/api-errors.js';
export { APIPromise } from './operations/api-promise.js';
export type { ResponseInfo, WithResponse } from './operations/api-promise.js';
export { PagedList } from './paging/paged-list.js';
export type { LaterPages, Page, PageFetcher, PagedListOptions, PageResult } from './paging/paged-list.js';
export { parseLinkHeader, nextLink } from './paging/link-header.js';
export type { Link } from './paging/link-header.js';
export type { CallOptions, ParseAs } from './operations/call-options.js';
export type { PollOptions } from './operations/poll-until.js';
export type { CommonClientOptions } from './client/client-options.js';
export type { ConnectionOptions, Pem } from './transport/connection-options.js';
export type { Logger } from './log/logger.js';
export type { LogLevel } from './log/attempt-log.js';
export type { Middleware, MiddlewareContext, MiddlewareNext, MiddlewareRequest } from './middleware/middleware.js';
export { authorization } from './transport/credential.js';
export { createTransport } from './transport/transport.js';
export type { Credential } from './transport/credential.js';
export type { Exchange, OutgoingRequest, RequestPolicy } from './transport/exchange.js';
export type { FetchLike, ResponseHead } from './transport/sender.js';
export type { Transport } from './transport/transport.js';
export type { TransportOptions } from './transport/transport-options.js';
export type { RetryOptions } from './transport/retry-policy.js';
export { memoryStore } from './rate-limit/memory-store.js';
export type { RateLimitStore } from './rate-limit/store.js';
export type { RateLimitRule } from './rate-limit/rule.js';
export type { OperationBudget, RateLimitOptions } from './rate-limit/limiter.js';
export type { ErrorShape } from './errors/api-error-from-response.js';
export { Redactor, REDACTED } from './redact/redact.js';
export type { RawBody } from './operations/operation-types.js';
