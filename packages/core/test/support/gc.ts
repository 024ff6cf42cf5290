/** A full garbage collection, for tests of behaviour that must survive one (no --expose-gc flag needed). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const exposed = runInNewContext('gc') as (() => void) | undefined;
if (typeof exposed !== 'function') throw new Error('could not expose gc()');

/** Runs a full garbage collection. */
export const collectGarbage: () => void = exposed;

/** Rejects with "still pending after N ms" when `promise` has not settled in time, so a hang fails fast. */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}
