/**
 * The free port can be taken between our check and Prism's bind. startMockServer then starts Prism again on
 * another free port. Here freePort first hands out a port this test holds, to make that race happen every time.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startMockServer } from '../src/index.js';

const holder = createServer();
let heldPort = 0;

vi.mock('../src/free-port.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/free-port.js')>();
  let calls = 0;
  return { freePort: async (host: string) => (++calls === 1 ? heldPort : original.freePort(host)) };
});

beforeAll(async () => {
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  heldPort = (holder.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

it('starts on another port when the free one was taken in the meantime', async () => {
  const lines: string[] = [];
  const server = await startMockServer('vspark', { log: (line) => lines.push(line) });
  try {
    expect(server.port).not.toBe(heldPort);
    expect(lines.some((line) => line.includes('EADDRINUSE'))).toBe(true);
    expect((await fetch(`${server.url}/config?token=t`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});
