/** One fault server per test file, emptied before each test and closed after the file. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFaultServer, type FaultServer } from './fault-server.js';

/** Registers the hooks; call `server()` inside tests. */
export function useFaultServer(): () => FaultServer {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
  return () => {
    if (!server) throw new Error('the fault server has not started');
    return server;
  };
}

/** The value a promise resolves to, or the error it rejects with (never throws). */
export async function outcomeOf(work: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return error;
  }
}

/** Resolves once `condition()` holds (checked every 5 ms); for waiting until the server has seen a request. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
