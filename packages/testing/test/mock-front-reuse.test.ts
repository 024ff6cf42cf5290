// The front keeps its connections to Prism alive; when Prism closes one just as the front reuses it, the request
// fails before any answer (ECONNRESET on a reused socket) and the front sends it again on a new socket instead of
// answering 502. A real node:http server stands in for Prism and hangs up the second request of each connection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startMockFront, type MockFront } from '../src/mock-front.js';

let target: Server | undefined;
let front: MockFront | undefined;
afterEach(async () => {
  await front?.close();
  target?.closeAllConnections();
  await new Promise<void>((resolve) => (target ? target.close(() => resolve()) : resolve()));
});

it('answers every request though Prism hangs up a kept-alive connection on its second request', async () => {
  const served = new Map<Socket, number>();
  let hungUp = 0;
  target = createServer((req, res) => {
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    if (count === 2) {
      hungUp++;
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => target!.listen(0, '127.0.0.1', resolve));
  front = await startMockFront({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: (target.address() as AddressInfo).port }, vendor: { quirks: [], realBases: [] } });
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`http://127.0.0.1:${front.port}/r${i}`);
    statuses.push(response.status);
    expect(await response.json()).toEqual({ path: `/r${i}` });
  }
  expect(statuses).toEqual([200, 200, 200]);
  // The hang-ups happened: the test would pass without the retry only if no connection was ever reused.
  expect(hungUp).toBeGreaterThan(0);
});
