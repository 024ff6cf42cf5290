/**
 * `@apiclients/core/internal`: what the `@apiclients` vendor packages share beyond the public API: building a vendor
 * client from its generated operation table, the binding and its types, the retry and paging machinery. **No semver
 * promise**: anything here may change in any release. Import `@apiclients/core` instead.
 * @packageDocumentation
 */
export * from './index.js';
export { mapData } from './api-promise.js';
export { apiErrorFromResponse, defaultMessageOf, DEFAULT_ERROR_SHAPE, parseBody } from './api-error-from-response.js';
export { bindOperations } from './bind-operations.js';
export type { BindOptions } from './bind-operations.js';
export { ClientBase } from './client-base.js';
export { transportOptionsFrom } from './client-options.js';
export { readEnv } from './env.js';
export { apiErrorClassFor } from './errors.js';
export type { ApiErrorClass } from './errors.js';
export { createFetchClient } from './fetch-client.js';
export { resolveOperation } from './operation-table.js';
export type { OperationEntry, OperationParam, OperationTable, PaginationPolicy, ResolvedOperation, ResolvedParam } from './operation-table.js';
export type * from './operation-types.js';
export { SECRET_HEADERS, SECRET_QUERY_PARAMS } from './redact.js';
export { RateLimiter } from './rate-limit/limiter.js';
export type { OperationBudget, RateLimiterSetup, WaitLimits } from './rate-limit/limiter.js';
export { spacingMs } from './rate-limit/rule.js';
export { pollAll, pollUntil } from './poll-until.js';
export type { Poll, PollOptions } from './poll-until.js';
export { retryAfterMs } from './retry-after.js';
export { backoffMs, decideRetry, DEFAULT_RETRY_OPTIONS } from './retry-policy.js';
export type { FailedAttempt, RetryDecision } from './retry-policy.js';
export { sleep } from './sleep.js';
export { recordOf } from './record-of.js';
export { boundedCopy } from './bounded-copy.js';
export { BodyTooLarge, collectBounded, declaredOver } from './bounded-body.js';
export { fetchSender } from './sender.js';
export type { ResponseHead, Sender, SendInit, SentResponse } from './sender.js';
export { ClosableClient } from './closable-client.js';
export { createVendorClient } from './vendor-client.js';
export type { VendorClientParts, VendorSetup } from './vendor-client.js';
export { vendorErrors } from './vendor-errors.js';
export type { VendorErrors } from './vendor-errors.js';
