/** startMockServer's options: examples and dynamic data per request or per server, a fixed port, bad input. */
import { createServer, type Server } from 'node:net';
import { SparkClient } from '@apiclients/spark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, MOCK_VENDORS, MockServerStartError, preferHeaders, startMockServer, type MockServer, type MockVendor } from '../src/index.js';
import { freePort } from '../src/free-port.js';
import { prismArgs } from '../src/prism-args.js';
import { processGone } from './process-gone.js';

describe('preferHeaders', () => {
  it('joins what is asked for into one Prefer header, and is empty when nothing is', () => {
    expect(preferHeaders({ code: 429 })).toEqual({ Prefer: 'code=429' });
    expect(preferHeaders({ code: 200, example: 'quickstart', dynamic: false })).toEqual({ Prefer: 'code=200, example=quickstart, dynamic=false' });
    expect(preferHeaders({})).toEqual({});
  });
});

describe('prismArgs', () => {
  it('passes dynamic, seed and errors on as Prism flags, and nothing by default', () => {
    expect(prismArgs({})).toEqual([]);
    expect(prismArgs({ dynamic: true, seed: 7, errors: true })).toEqual(['--dynamic', '--seed', '7', '--errors']);
    expect(prismArgs({ errors: true })).toEqual(['--errors']);
  });
});

describe('bad input', () => {
  it('an unknown vendor is a ConfigurationError naming the known ones, before anything starts', async () => {
    await expect(startMockServer('github' as MockVendor)).rejects.toThrow(ConfigurationError);
    await expect(startMockServer('github' as MockVendor)).rejects.toThrow(`Unknown vendor "github": the mock servers are ${MOCK_VENDORS.join(', ')}.`);
  });

  it('a seed without dynamic data is a ConfigurationError', async () => {
    await expect(startMockServer('spark', { seed: 1 })).rejects.toThrow(ConfigurationError);
  });

  it('a port someone else holds fails with MockServerStartError and Prism output, and leaves no process', async () => {
    const holder: Server = createServer();
    const port = await freePort('127.0.0.1');
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    const lines: string[] = [];
    try {
      const error = await startMockServer('spark', { port, log: (line) => lines.push(line) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MockServerStartError);
      expect(error).toMatchObject({ portInUse: true });
      expect((error as Error).message).toContain(`127.0.0.1:${port}`);
      expect(lines.some((line) => line.includes('EADDRINUSE'))).toBe(true);
      expect(processGone((error as MockServerStartError).pid!)).toBe(true);
    } finally {
      holder.close();
    }
  });
});

describe('examples and dynamic data', () => {
  let staticMock: MockServer;
  let dynamicMock: MockServer;
  beforeAll(async () => {
    [staticMock, dynamicMock] = await Promise.all([startMockServer('spark'), startMockServer('spark', { dynamic: true, seed: 'apiclients' })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([staticMock?.stop(), dynamicMock?.stop()]);
  });

  const client = (server: MockServer) => new SparkClient({ accessToken: 'test-token', baseUrl: server.url, maxRetries: 0 });

  it('answers with the first example, or the one Prefer names (via the call `headers` option)', async () => {
    const spark = client(staticMock);
    const official = await spark.people.me();
    const quickstart = await spark.people.me({}, { headers: preferHeaders({ example: 'quickstart' }) });
    // specs/spark.yaml, components.examples.PersonMeQuickstart.
    expect(quickstart.displayName).toBe('Chris Lunsford');
    expect(official.displayName).not.toBe('Chris Lunsford');
  });

  it('dynamic: true generates data from the schema; Prefer dynamic=false returns the example again', async () => {
    const spark = client(dynamicMock);
    const example = await client(staticMock).people.me();
    const generated = await spark.people.me();
    expect(generated.id).toBeTypeOf('string');
    expect(generated.id).not.toBe(example.id);
    expect(await spark.people.me({}, { headers: preferHeaders({ dynamic: false }) })).toEqual(example);
  });

  it('the same seed generates the same data on another server', async () => {
    const again = await startMockServer('spark', { dynamic: true, seed: 'apiclients' });
    try {
      expect(await client(again).people.me()).toEqual(await client(dynamicMock).people.me());
    } finally {
      await again.stop();
    }
  });

  it('servers run as separate processes on their own ports and stop independently', async () => {
    expect(staticMock.port).not.toBe(dynamicMock.port);
    expect(staticMock.pid).not.toBe(dynamicMock.pid);
    await staticMock.stop();
    expect(processGone(staticMock.pid)).toBe(true);
    expect(processGone(dynamicMock.pid)).toBe(false);
    // stop() again is harmless.
    await staticMock.stop();
  });
});
