/**
 * The Node transport's connection pool: keep-alive, `connections` per origin, `close()` and `Symbol.asyncDispose`
 * on every client, and a script that makes its calls and ends exits at once without closing anything.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ConnectionError, createTransport } from '@apiclients/core';
import type { ClosableClient } from '@apiclients/core/internal';
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';
import { afterEach, describe, expect, it } from 'vitest';
import { VENDORS } from '../reliability/support/vendors.js';
import type { Reply } from '../reliability/support/fault-server.js';

/** An HTTP server that answers with `reply` after `delayMs`, and counts connections (open now, at most, in all). */
async function countingServer(reply: Reply, delayMs = 0) {
  const sockets = new Set<Socket>();
  const stats = { total: 0, open: 0, mostOpen: 0, requests: 0 };
  const server: Server = createServer((request, response) => {
    stats.requests++;
    request.resume();
    setTimeout(() => reply(response, { index: stats.requests - 1, method: request.method ?? 'GET', url: request.url ?? '', headers: request.headers, body: Buffer.alloc(0) }), delayMs);
  });
  // Long enough that only the client can end an idle connection within a test.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    stats.total++;
    stats.mostOpen = Math.max(stats.mostOpen, ++stats.open);
    socket.on('close', () => {
      sockets.delete(socket);
      stats.open--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { url, stats, close };
}

/** A fresh client of each vendor on `baseUrl`, and one `.raw` call with it (any JSON answer will do). */
const CLIENTS: Record<string, (baseUrl: string) => { client: ClosableClient; run: () => Promise<unknown> }> = {
  spark: (baseUrl) => {
    const client = new SparkClient({ accessToken: 'pool-test-token-1', baseUrl });
    return { client, run: () => client.raw.GET('/people/me') };
  },
  statuspage: (baseUrl) => {
    const client = new StatuspageClient({ apiKey: 'pool-test-key-12', pageId: 'p', organizationId: 'o', baseUrl });
    return { client, run: () => client.raw.GET('/pages/{page_id}', { params: { path: { page_id: 'p' } } }) };
  },
  vss: (baseUrl) => {
    const client = new VssClient({ token: 'pool-test-token-2', baseUrl });
    return { client, run: () => client.raw.GET('/request') };
  },
  vspark: (baseUrl) => {
    const client = new VSparkClient({ token: 'pool-test-token-3', baseUrl });
    return { client, run: () => client.raw.GET('/config') };
  },
};

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe.each(VENDORS)('$name', (vendor) => {
  it('keeps its connections alive across calls, and close() ends them; calls after it fail', async () => {
    const server = await countingServer(vendor.get.ok);
    servers.push(server);
    const { client, run } = CLIENTS[vendor.name]!(server.url);
    for (let i = 0; i < 6; i++) await run();
    expect(server.stats.requests).toBe(6);
    // Kept alive: not a connection per call (undici may open a second while the first is being released).
    expect(server.stats.total).toBeLessThanOrEqual(2);
    expect(server.stats.open).toBe(server.stats.total);
    await client.close();
    await expect.poll(() => server.stats.open).toBe(0);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.stats.requests).toBe(6);
  });

  it('Symbol.asyncDispose closes it (await using)', async () => {
    const server = await countingServer(vendor.get.ok);
    servers.push(server);
    const { client, run } = CLIENTS[vendor.name]!(server.url);
    await run();
    expect(server.stats.open).toBe(1);
    await client[Symbol.asyncDispose]();
    await expect.poll(() => server.stats.open).toBe(0);
  });

  it('opens at most `connections` connections to an origin; more calls wait their turn', async () => {
    const server = await countingServer(vendor.get.ok, 30);
    servers.push(server);
    const call = vendor.get.bind(server.url, { connections: 2 });
    await Promise.all(Array.from({ length: 8 }, () => call()));
    expect(server.stats.requests).toBe(8);
    expect(server.stats.mostOpen).toBe(2);
  });
});

it('without a limit, concurrent calls open connections as needed', async () => {
  const server = await countingServer((response) => response.writeHead(200).end('{}'), 30);
  servers.push(server);
  const transport = createTransport();
  await Promise.all(Array.from({ length: 4 }, () => transport.exchange({ method: 'GET', url: `${server.url}/x` })));
  expect(server.stats.mostOpen).toBe(4);
  await transport.close();
});

it('connections must be a whole number ≥ 1', async () => {
  const { ConfigurationError } = await import('@apiclients/core');
  const vendor = VENDORS[0]!;
  for (const connections of [0, 1.5, -1]) expect(() => vendor.get.bind('http://127.0.0.1:1', { connections })).toThrow(ConfigurationError);
});

describe('a script that makes its calls and ends', () => {
  const SCRIPT = fileURLToPath(new URL('./support/calls-then-ends.mjs', import.meta.url));

  it('exits by itself at once, every client’s connection still open and never closed', async () => {
    const server = await countingServer((response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x","items":[],"data":{}}'));
    servers.push(server);
    const child = spawn(process.execPath, [SCRIPT, server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // The server would keep an idle connection for a minute: only the client process ending can close them.
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(killer);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(output.trim()).toBe('done 4');
    expect(server.stats.total).toBe(4);
  }, 30_000);
});
