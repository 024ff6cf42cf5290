/**
 * A question whose answer does not change for a client (who its token's person is, `people.me()`): asked once and
 * its answer kept. A failure is not kept, so the next call asks again; the arguments of the call that asks are used.
 */
export function askOnce<A extends unknown[], T>(ask: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let answer: Promise<T> | undefined;
  return (...args) =>
    (answer ??= ask(...args).catch((error: unknown) => {
      answer = undefined;
      throw error;
    }));
}
