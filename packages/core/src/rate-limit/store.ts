/** Where a rate limiter keeps its buckets: in the process ({@link memoryStore}) or shared (`redisStore`). */

/**
 * A bucket store. Keys are opaque (a SHA-256 of the credential and a bucket name: never the credential itself).
 * Each bucket holds one time: when its next request may go.
 */
export interface RateLimitStore {
  /**
   * Asks bucket `key` for one request's turn. Answers 0 when it may go now (and then counts it: the next turn is
   * `spacingMs` later; 0 paces nothing, only pauses hold), else the ms to wait before asking again.
   */
  take(key: string, spacingMs: number): number | Promise<number>;
  /** Holds bucket `key` for `ms` from now (a 429's `Retry-After`): every take answers a wait until then. */
  pause(key: string, ms: number): void | Promise<void>;
}
