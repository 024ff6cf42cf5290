/** The in-process bucket store: one number per bucket, forgotten once its time has passed. */
import type { RateLimitStore } from './store.js';

// Past this many buckets, those whose time has passed are swept (a V-Spark walk meets a token per company).
const SWEEP_AT = 1_024;

/**
 * A store in this process's memory: what every client uses unless given another. Clients given the same store
 * share their credentials' budgets (two clients of one API key in one process).
 */
export function memoryStore(now: () => number = Date.now): RateLimitStore {
  const nextTurn = new Map<string, number>();
  return {
    take(key, spacingMs) {
      const at = now();
      const next = nextTurn.get(key) ?? 0;
      if (next > at) return next - at;
      if (nextTurn.size >= SWEEP_AT) for (const [k, t] of nextTurn) if (t <= at) nextTurn.delete(k);
      if (spacingMs > 0) nextTurn.set(key, at + spacingMs);
      else nextTurn.delete(key);
      return 0;
    },
    pause(key, ms) {
      const until = now() + ms;
      if (until > (nextTurn.get(key) ?? 0)) nextTurn.set(key, until);
    },
  };
}
