/**
 * The HTTP methods whose request may be replayed after the server may have acted on it (RFC 9110 §9.2.2): the
 * default of the retry policy for a request, and of the operation table for an operation.
 */

/** The idempotent methods, in upper case (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
