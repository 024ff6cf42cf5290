/**
 * Things a test sets up and must undo when it ends, whether it passes or fails: register a cleanup with
 * {@link afterThisTest} (or start a fake server with {@link startedForThisTest}), and call `afterEach(cleanUp)`
 * once in the test file.
 */
const cleanups: (() => unknown)[] = [];

/** Runs `cleanup` when the current test ends (latest registered first). */
export function afterThisTest(cleanup: () => unknown): void {
  cleanups.push(cleanup);
}

/** Undoes everything registered since the last call; pass to `afterEach`. */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** A started fake server, closed when the current test ends. */
export async function startedForThisTest<T extends { close(): Promise<void> }>(start: Promise<T>): Promise<T> {
  const server = await start;
  afterThisTest(() => server.close());
  return server;
}
