/**
 * `@apiclients/core/errors`: the error classes every vendor package re-exports under the same names (with
 * `export *`), so `import { NotFoundError } from '`@apiclients/spark`'` works as it does from core. A vendor's own
 * class of the same name (Statuspage's `RateLimitError`, after python-statuspageio) takes its place there.
 * @packageDocumentation
 */
export {
  ApiClientError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  MiddlewareError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from './errors/errors.js';
export type { ApiErrorDetails } from './errors/errors.js';
