import { expect } from 'vitest';
import { startMockServer, type MockServer, type MockVendor } from '../src/index.js';
import { processGone } from './process-gone.js';

/** Runs `body` against a fresh mock of `vendor`, then stops it and checks that its Prism process is gone. */
export async function withMock(vendor: MockVendor, body: (server: MockServer) => Promise<void>): Promise<void> {
  const server = await startMockServer(vendor);
  try {
    await body(server);
  } finally {
    await server.stop();
  }
  expect(processGone(server.pid)).toBe(true);
}

/** Fetches `url` with `headers`, plus `Prefer: <prefer>` when given, and returns the status. */
export async function statusOf(url: string, headers: Record<string, string>, prefer?: string): Promise<number> {
  const response = await fetch(url, { headers: prefer ? { ...headers, Prefer: prefer } : headers });
  await response.body?.cancel();
  return response.status;
}
