/**
 * `@apiclients/core`: what users of the `@apiclients` clients may import: the error classes, `PagedList`, the option
 * types, and `createTransport` for those who build a client of their own. It knows no vendor. What the vendor
 * packages share beyond this is `@apiclients/core/internal`, which makes no semver promise.
 * @packageDocumentation
 */
export * from './error-classes.js';
export { APIPromise } from './api-promise.js';
export type { ResponseInfo, WithResponse } from './api-promise.js';
export { PagedList } from './paged-list.js';
export type { LaterPages, Page, PageFetcher, PagedListOptions, PageResult } from './paged-list.js';
export { parseLinkHeader, nextLink } from './link-header.js';
export type { Link } from './link-header.js';
export type { CallOptions } from './call-options.js';
export type { PollOptions } from './poll-until.js';
export type { CommonClientOptions } from './client-options.js';
export type { ConnectionOptions, Pem } from './connection-options.js';
export type { Logger } from './logger.js';
export type { LogLevel } from './attempt-log.js';
export type { Middleware, MiddlewareContext, MiddlewareNext, MiddlewareRequest } from './middleware.js';
export { authorization, createTransport } from './transport.js';
export type { Credential, Exchange, FetchLike, OutgoingRequest, RequestPolicy, Transport, TransportOptions } from './transport.js';
export type { RetryOptions } from './retry-policy.js';
export { memoryStore } from './rate-limit/memory-store.js';
export type { RateLimitStore } from './rate-limit/store.js';
export type { RateLimitRule } from './rate-limit/rule.js';
export type { RateLimitOptions } from './rate-limit/limiter.js';
export type { ErrorShape } from './api-error-from-response.js';
export { Redactor, REDACTED } from './redact.js';
export type { RawBody } from './operation-types.js';
