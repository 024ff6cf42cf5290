/**
 * A rate-limit store on Redis, shared by every process that uses the same Redis: one script run per turn, atomic
 * on the server, timed by the server's clock (processes on several hosts agree). Keys are
 * `apiclients:rate:{<SHA-256 of the credential>}:<bucket>`: no secret in Redis, hash-tagged so a credential's
 * buckets share one Redis Cluster slot, and each expires once its time has passed. Bring your own client:
 * `ioredis` or `redis` (node-redis 4 or later), connected.
 */
import type { RateLimitStore } from './store.js';

// KEYS[1]: the bucket. ARGV[1]: `take` or `pause`; ARGV[2]: the spacing (take) or the pause (pause), in ms.
// The bucket holds the time its next request may go (ms since the epoch, by the server's clock).
const SCRIPT = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
local ms = tonumber(ARGV[2])
if ARGV[1] == 'pause' then
  if ms > 0 and now + ms > next then redis.call('SET', KEYS[1], now + ms, 'PX', ms) end
  return 0
end
if next > now then return next - now end
if ms > 0 then redis.call('SET', KEYS[1], now + ms, 'PX', math.ceil(ms)) end
return 0
`;

/** The `ioredis` client's `eval`. */
interface IoRedisLike {
  eval(script: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** node-redis's `eval` (version 4 or later). */
interface NodeRedisLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key (default `apiclients:rate:`). */
  prefix?: string;
  /**
   * Longest wait for Redis, in ms (default 1 000): a slower or unreachable Redis counts as failed, and the client
   * limits in its own process until Redis answers again (fail-open), saying so once through its logger.
   */
  timeoutMs?: number;
}

/** A {@link RateLimitStore} on Redis through your `ioredis` or `redis` client. */
export function redisStore(client: IoRedisLike | NodeRedisLike, options: RedisStoreOptions = {}): RateLimitStore {
  const prefix = options.prefix ?? 'apiclients:rate:';
  const timeoutMs = options.timeoutMs ?? 1_000;
  // ioredis takes the key count and the arguments in line; node-redis takes them in an object.
  const isIoRedis = typeof (client as { defineCommand?: unknown }).defineCommand === 'function';
  const run = (key: string, op: 'take' | 'pause', ms: number): Promise<number> => {
    const ran = isIoRedis
      ? (client as IoRedisLike).eval(SCRIPT, 1, prefix + key, op, String(ms))
      : (client as NodeRedisLike).eval(SCRIPT, { keys: [prefix + key], arguments: [op, String(ms)] });
    return withTimeout(ran, timeoutMs).then(Number);
  };
  return {
    take: (key, spacingMs) => run(key, 'take', Math.ceil(spacingMs)),
    pause: async (key, ms) => {
      await run(key, 'pause', Math.ceil(ms));
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
