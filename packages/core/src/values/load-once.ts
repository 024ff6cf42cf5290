/**
 * A value a client loads once and keeps (who its token's person is, a page's list of components): the first call
 * loads it, with that call's arguments; later calls share the same promise. A failed load is not kept, so the next
 * call loads again; `forget(kept)` drops a kept value that may be stale (only when it is still the one kept, so two
 * callers forgetting the same one load it once).
 */
export interface LoadOnce<A extends unknown[], T> {
  (...args: A): Promise<T>;
  /** Whether a value (or a load in flight) is kept. */
  readonly kept: boolean;
  /** Drops `kept` when it is still the promise kept: the next call loads again. */
  forget(kept: Promise<T>): void;
}

/** `load`, called once and its answer kept (see {@link LoadOnce}). */
export function loadOnce<A extends unknown[], T>(load: (...args: A) => Promise<T>): LoadOnce<A, T> {
  let kept: Promise<T> | undefined;
  const forget = (promise: Promise<T>) => {
    if (kept === promise) kept = undefined;
  };
  const call = (...args: A): Promise<T> => {
    if (kept) return kept;
    const loading = load(...args);
    kept = loading;
    loading.catch(() => forget(loading));
    return loading;
  };
  return Object.defineProperties(call, {
    kept: { get: () => kept !== undefined },
    forget: { value: forget },
  }) as LoadOnce<A, T>;
}
