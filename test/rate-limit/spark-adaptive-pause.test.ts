/**
 * Adaptive pause (issue 19): Webex documents no rate, so the Spark client is throttled only when told. 20 calls
 * overlap; the server answers the first with 429 `Retry-After: 2` (and anything else arriving in those 2 s with
 * 429 too, as a limited server would). From the moment the client reads that 429, no request of the token is
 * sent for 2 seconds, not only the refused one; then all 20 succeed.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { SparkClient } from '@apiclients/spark';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

it('pauses every call of the token for the Retry-After of one 429, and all 20 succeed', async () => {
  let pausedUntil = -Infinity;
  let refused = 0;
  server = createServer((request, response) => {
    request.resume();
    const now = performance.now();
    if (refused === 0 || now < pausedUntil) {
      if (refused === 0) pausedUntil = now + 2_000;
      refused++;
      response.writeHead(429, { 'retry-after': String(Math.ceil((pausedUntil - now) / 1000)), 'content-type': 'application/json' });
      return response.end('{"message":"Too Many Requests"}');
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: request.url?.split('/').pop(), title: 'room' }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  // What the client sends, and when it read the first 429, seen through its `fetch` option.
  const sentAt: number[] = [];
  let firstRefusalReadAt: number | undefined;
  const fetch = async (url: string, init: RequestInit) => {
    sentAt.push(performance.now());
    const response = await globalThis.fetch(url, init);
    if (response.status === 429) firstRefusalReadAt ??= performance.now();
    return response;
  };
  const spark = new SparkClient({ accessToken: 'pause-token', baseUrl: `http://127.0.0.1:${port}/v1`, fetch });

  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 20; i++) {
    calls.push(spark.rooms.get(`room${i}`));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const rooms = await Promise.all(calls);

  expect(rooms).toHaveLength(20);
  const readAt = firstRefusalReadAt as number;
  const duringPause = sentAt.filter((t) => t > readAt && t < readAt + 1_950);
  expect(duringPause).toEqual([]);
  // Calls made after the 429 waited instead of meeting their own 429s.
  expect(refused).toBeLessThan(20);
  expect(sentAt.filter((t) => t > readAt).length).toBeGreaterThan(10);
});
