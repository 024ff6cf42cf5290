/**
 * Errors with a vendor's own names that are still the core's classes. A vendor's error for a 404 is a core
 * {@link NotFoundError} (so `catch (e) { if (e instanceof NotFoundError) … }` works across vendors) and also
 * matches the vendor's categories (Statuspage's `RequestError`, Spark's `SparkApiError`), which are checked
 * with `Symbol.hasInstance` rather than inheritance: JavaScript classes have one parent.
 */
import { ApiError, apiErrorClassFor, type ApiErrorClass, type ApiErrorDetails } from './api-errors.js';

/** The vendor's classes for each status, and a test for "raised by this vendor". */
export interface VendorErrors {
  /** The class for a status: a subclass of the core class that also carries the vendor's fields. */
  classFor(status: number): ApiErrorClass;
  /** Whether an error was raised by this vendor's client. */
  raisedBy(error: unknown): error is ApiError;
}

/**
 * Builds a vendor's error classes. `fields` adds the vendor's own fields to each error (Statuspage's
 * `httpStatus`, `errors`, `logref`), computed from the redacted details.
 */
export function vendorErrors(
  vendor: string,
  options: { rateLimitStatuses?: readonly number[]; fields?: (details: ApiErrorDetails) => Record<string, unknown> } = {},
): VendorErrors {
  const brand = Symbol.for(`@apiclients/${vendor}`);
  const cache = new Map<ApiErrorClass, ApiErrorClass>();
  const branded = (Base: ApiErrorClass): ApiErrorClass => {
    let Class = cache.get(Base);
    if (!Class) {
      Class = class extends Base {
        constructor(details: ApiErrorDetails) {
          super(details);
          Object.defineProperty(this, brand, { value: true });
          if (options.fields) Object.assign(this, options.fields(details));
        }
      };
      // The core class's name, not the anonymous class's: `console.log(error)` and `error.constructor.name` read
      // `NotFoundError`, never `Class [NotFoundError]`.
      Object.defineProperty(Class, 'name', { value: Base.name });
      cache.set(Base, Class);
    }
    return Class;
  };
  return {
    classFor: (status) => branded(apiErrorClassFor(status, options.rateLimitStatuses)),
    raisedBy: (error): error is ApiError => error instanceof ApiError && (error as unknown as Record<symbol, unknown>)[brand] === true,
  };
}
