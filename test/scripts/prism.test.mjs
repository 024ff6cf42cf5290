// startPrism (scripts/lib/prism.mjs): serves a spec, enforces its security scheme, and leaves nothing behind;
// startPrismPreferring moves to a free port when the preferred one is lost.
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startPrism, startPrismPreferring } from '../../scripts/lib/prism.mjs';
import { root } from '../../scripts/lib/specs.mjs';

const vsparkSpec = join(root, 'specs', 'vspark.yaml');

/** Whether a TCP connection to 127.0.0.1:port is refused. */
const refusesConnections = (port) =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
  });

/** Whether a process with this PID still exists (signal 0 only checks). */
const isRunning = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startPrism', () => {
  it('serves the spec on a free loopback port, enforces the token, and is gone after stop()', async () => {
    const lines = [];
    const mock = await startPrism({ spec: vsparkSpec, log: (line) => lines.push(line) });
    try {
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
      expect(isRunning(mock.pid)).toBe(true);
      expect(lines.some((line) => line.includes('Prism is listening on http://127.0.0.1:'))).toBe(true);
      expect(lines).toContain(`Mock listening on ${mock.url}, in front of Prism`);

      const companies = await fetch(`${mock.url}/config?token=abc`);
      expect(companies.status).toBe(200);
      expect(companies.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await companies.json();
      expect(body).toBeTypeOf('object');
      expect(Array.isArray(body)).toBe(false);
      expect(body.DocTestCo).toMatchObject({ name: 'Doc Test Co' });

      // The spec's only security scheme is the `token` query parameter; Prism answers 401 without it (not 422),
      // with the spec's Unauthorized example and the violation in its sl-violations header.
      const anonymous = await fetch(`${mock.url}/config`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('sl-violations')).toContain('Invalid security scheme used');
      await anonymous.arrayBuffer();
    } finally {
      await mock.stop();
    }

    expect(await refusesConnections(mock.port)).toBe(true);
    expect(() => process.kill(mock.pid, 0)).toThrow();
    await expect(mock.stop()).resolves.toBeUndefined(); // idempotent
  });

  it('rejects with Prism’s last output when Prism cannot load the spec, leaving no process', async () => {
    const error = await startPrism({ spec: join(root, 'specs', 'no-such-spec.yaml'), timeoutMs: 20_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/Prism did not start on 127\.0\.0\.1:\d+ .*no-such-spec\.yaml: it exited/);
    expect(error.message).toContain('ENOENT');
  });

  it('does not take another server on a fixed port for Prism: it rejects when the port is in use', async () => {
    await withSquatter(async (port) => {
      const error = await startPrism({ spec: vsparkSpec, port, timeoutMs: 20_000 }).catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toContain('EADDRINUSE');
    });
  });
});

describe('startPrismPreferring', () => {
  it('takes the preferred port when it is free', async () => {
    const port = await freePort();
    const { mock, moved } = await startPrismPreferring({ spec: vsparkSpec, port });
    try {
      expect({ port: mock.port, moved }).toEqual({ port, moved: false });
    } finally {
      await mock.stop();
    }
  });

  // What two `npm start` at once meet: the port was free when probed, and someone else bound it before Prism.
  it('moves to a free port, and says so, when the preferred port is taken at the bind', async () => {
    await withSquatter(async (port) => {
      const { mock, moved } = await startPrismPreferring({ spec: vsparkSpec, port, timeoutMs: 20_000 });
      try {
        expect(moved).toBe(true);
        expect(mock.port).not.toBe(port);
        expect((await fetch(`${mock.url}/config?token=abc`)).status).toBe(200);
      } finally {
        await mock.stop();
      }
    });
  });

  it('still rejects a failure that is not a taken port', async () => {
    const error = await startPrismPreferring({ spec: join(root, 'specs', 'no-such-spec.yaml'), port: await freePort(), timeoutMs: 20_000 }).catch((e) => e);
    expect(error.message).toContain('ENOENT');
  });
});

/** Runs `body` with a free loopback port held by another server, closed afterwards. */
async function withSquatter(body) {
  const port = await freePort();
  const squatter = createServer((socket) => socket.destroy());
  await new Promise((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  try {
    await body(port);
  } finally {
    await new Promise((resolve) => squatter.close(resolve));
  }
}
