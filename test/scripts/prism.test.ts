import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPrism } from '../../scripts/lib/prism.mjs';
import { repoRoot } from '../lib/spec-validator.js';

const refuses = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('startPrism', () => {
  it('serves the spec on a free loopback port and is gone after stop()', async () => {
    const mock = await startPrism({ spec: join(repoRoot, 'specs', 'vspark.yaml') });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${mock.url}/config?token=abc`);
      expect(response.status).toBe(200);
      expect(Object.keys(await response.json())).toContain('DocTestCo');
    } finally {
      await mock.stop();
    }
    expect(() => process.kill(mock.pid, 0)).toThrow();
    expect(await refuses(mock.port)).toBe(true);
    await mock.stop(); // idempotent
  });

  it('fails clearly for a spec Prism cannot load, leaving no process', async () => {
    await expect(startPrism({ spec: join(repoRoot, 'specs', 'no-such-spec.yaml'), timeoutMs: 15_000 })).rejects.toThrow(/Prism did not start/);
  });
});
