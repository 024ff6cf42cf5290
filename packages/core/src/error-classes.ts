/**
 * `@apiclients/core/errors`: the error classes every vendor package re-exports under the same names (with
 * `export *`), so `import { NotFoundError } from '`@apiclients/spark`'` works as it does from core. A vendor's own
 * class of the same name (Statuspage's `RateLimitError`, after python-statuspageio) takes its place there.
 * @packageDocumentation
 */
export { ApiClientError, ConfigurationError, PaginationError } from './errors/api-client-error.js';
export { ApiError, AuthenticationError, BadRequestError, ConflictError, InternalServerError, NotFoundError, PermissionDeniedError, RateLimitError, UnprocessableEntityError } from './errors/api-errors.js';
export { ConnectionError, InvalidResponseError, MiddlewareError, RequestAbortedError, ResponseTooLargeError, TimeoutError, WaitTimeoutError } from './errors/request-errors.js';
export type { ApiErrorDetails } from './errors/api-errors.js';
