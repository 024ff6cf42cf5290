/**
 * `@apiclients/core/redis`: the Redis rate-limit store, for Node (or any runtime with a Redis client). Pass it as
 * `rateLimit: { store: redisStore(redis) }` to share each credential's budget across every process using that
 * Redis. Kept out of `@apiclients/core` so browser bundles never carry it.
 * @packageDocumentation
 */
export { redisStore } from './rate-limit/redis-store.js';
export type { RedisStoreOptions } from './rate-limit/redis-store.js';
export type { RateLimitStore } from './rate-limit/store.js';
