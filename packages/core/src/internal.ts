/**
 * `@apiclients/core/internal`: what the `@apiclients` vendor packages share beyond the public API: building a vendor
 * client from its generated operation table, the binding and its types, the retry and paging machinery. **No semver
 * promise**: anything here may change in any release. Import `@apiclients/core` instead.
 * @packageDocumentation
 */
export * from './index.js';
export { mapData } from './operations/api-promise.js';
export { apiErrorFromResponse, defaultMessageOf, DEFAULT_ERROR_SHAPE, parseBody } from './errors/api-error-from-response.js';
export { bindOperations } from './operations/bind-operations.js';
export type { BindOptions } from './operations/bind-operations.js';
export { ClientBase } from './client/client-base.js';
export { transportOptionsFrom } from './client/client-options.js';
export { readEnv } from './client/env.js';
export { apiErrorClassFor } from './errors/api-errors.js';
export type { ApiErrorClass } from './errors/api-errors.js';
export { createFetchClient } from './client/fetch-client.js';
export { resolveOperation } from './operations/operation-table.js';
export type { OperationEntry, OperationParam, OperationTable, PaginationPolicy, ResolvedOperation, ResolvedParam } from './operations/operation-table.js';
export type * from './operations/operation-types.js';
export { SECRET_HEADERS, SECRET_QUERY_PARAMS } from './redact/redact.js';
export { withoutSecretFields } from './redact/secret-fields.js';
export { RateLimiter } from './rate-limit/limiter.js';
export type { OperationBudget, RateLimiterSetup, WaitLimits } from './rate-limit/limiter.js';
export { spacingMs } from './rate-limit/rule.js';
export { pollAll, pollUntil } from './operations/poll-until.js';
export type { Poll, PollOptions } from './operations/poll-until.js';
export { retryAfterMs } from './transport/retry-after.js';
export { backoffMs, decideRetry, DEFAULT_RETRY_OPTIONS } from './transport/retry-policy.js';
export type { FailedAttempt, RetryDecision } from './transport/retry-policy.js';
export { isWholeNumber, wholeNumber } from './values/whole-number.js';
export { loadOnce } from './values/load-once.js';
export type { LoadOnce } from './values/load-once.js';
export { sleep } from './transport/sleep.js';
export { recordOf } from './errors/record-of.js';
export { boundedCopy } from './errors/bounded-copy.js';
export { BodyTooLarge, collectBounded, declaredOver } from './transport/bounded-body.js';
export { fetchSender } from './transport/sender.js';
export type { ResponseHead, Sender, SendInit, SentResponse } from './transport/sender.js';
export { ClosableClient } from './client/closable-client.js';
export { createVendorClient } from './client/vendor-client.js';
export type { VendorClientParts, VendorSetup } from './client/vendor-client.js';
export { vendorErrors } from './errors/vendor-errors.js';
export type { VendorErrors } from './errors/vendor-errors.js';
