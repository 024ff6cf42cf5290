/**
 * Every vendor client through a real proxy (the `proxy` npm package on 127.0.0.1) to a local HTTPS fake of its API:
 * by the `proxy` option and by HTTPS_PROXY, bypassed by NO_PROXY; with proxy credentials, accepted when right, a
 * typed ProxyError naming the proxy when wrong, and the password nowhere in what a user could print.
 */
import { inspect } from 'node:util';
import { ApiClientError, ConnectionError, ProxyError, createTransport } from '@apiclients/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../reliability/support/fault-server.js';
import { VENDORS } from '../reliability/support/vendors.js';
import { startHttpsFake, type HttpsFake } from './support/https-fake.js';
import { startRealProxy, type RealProxy } from './support/real-proxy.js';
import { makeTestPki, missingOpenssl, type TestPki } from './support/test-pki.js';

const PROXY_USER = 'corp-user';
const PROXY_PASSWORD = 'Pr0xy-s3cret-9d1e4c';
const skip = missingOpenssl();

/** Every way an error is commonly printed, its causes included. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    out.push(String(e), JSON.stringify(e) ?? '', inspect(e, { depth: 10, showHidden: true }));
    if (e instanceof Error) out.push(e.message, e.stack ?? '');
  }
  return out;
}

const PASSWORD_FORMS = [PROXY_PASSWORD, encodeURIComponent(PROXY_PASSWORD), Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')];

/** Runs `work` with environment variables set, restoring them after. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe.skipIf(skip)(`through a real proxy${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let pki: TestPki;
  let open: RealProxy;
  let guarded: RealProxy;
  const fakes: HttpsFake[] = [];
  beforeAll(async () => {
    pki = makeTestPki();
    [open, guarded] = await Promise.all([startRealProxy(), startRealProxy({ user: PROXY_USER, password: PROXY_PASSWORD })]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), guarded?.close()]);
  });
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
    open.connects.length = 0;
    guarded.connects.length = 0;
  });

  describe.each(VENDORS)('$name', (vendor) => {
    const fake = async () => {
      const started = await startHttpsFake(pki, vendor.get.ok);
      fakes.push(started);
      return started;
    };

    it('reaches its HTTPS API through the `proxy` option (a CONNECT tunnel)', async () => {
      const api = await fake();
      await vendor.get.run(api.url, { proxy: open.url, ca: pki.ca });
      expect(open.connects).toEqual([`localhost:${api.port}`]);
      expect(api.requests).toHaveLength(1);
    });

    it('reaches it through HTTPS_PROXY, and NO_PROXY sends it direct', async () => {
      const api = await fake();
      await withEnv({ HTTPS_PROXY: open.url, NO_PROXY: '' }, () => vendor.get.run(api.url, { ca: pki.ca }));
      expect(open.connects).toEqual([`localhost:${api.port}`]);
      await withEnv({ HTTPS_PROXY: open.url, NO_PROXY: 'example.test,.localhost,localhost' }, () => vendor.get.run(api.url, { ca: pki.ca }));
      expect(open.connects).toHaveLength(1);
      expect(api.requests).toHaveLength(2);
    });

    it('passes a proxy that demands credentials with the right ones (from the URL)', async () => {
      const api = await fake();
      await vendor.get.run(api.url, { proxy: guarded.urlWithCredentials, ca: pki.ca });
      expect(guarded.connects).toEqual([`localhost:${api.port}`]);
      expect(api.requests).toHaveLength(1);
    });

    it('wrong proxy credentials: a 407, not retried, is a ProxyError naming the proxy and never its password', async () => {
      const api = await fake();
      const lines: string[] = [];
      const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
      const wrong = guarded.urlWithCredentials.replace(encodeURIComponent(PROXY_PASSWORD), 'wr0ng-passw0rd-77');
      const refusedBefore = guarded.refused;
      const error = await vendor.get.run(api.url, { proxy: wrong, ca: pki.ca, logger }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProxyError);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toBeInstanceOf(ApiClientError);
      const proxyHost = new URL(guarded.url).host;
      expect(error).toMatchObject({ proxy: proxyHost, status: 407 });
      expect((error as Error).message).toContain(proxyHost);
      expect(guarded.refused - refusedBefore).toBe(1);
      expect(api.requests).toHaveLength(0);
      for (const text of [...renderings(error), ...lines]) expect(text).not.toContain('wr0ng-passw0rd-77');
    });

    it('the right password appears in no error, log line or inspect of the client when the target fails', async () => {
      const api = await startHttpsFake(pki, reply.json({ message: 'nope' }, 401));
      fakes.push(api);
      const lines: string[] = [];
      const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
      const error = await vendor.get.run(api.url, { proxy: guarded.urlWithCredentials, ca: pki.ca, logger, maxRetries: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiClientError);
      expect(lines.length).toBeGreaterThan(0);
      for (const text of [...renderings(error), ...lines]) for (const form of PASSWORD_FORMS) expect(text).not.toContain(form);
    });
  });

  describe('http targets: sent to the proxy in absolute form', () => {
    let target: import('node:http').Server;
    let targetUrl: string;
    beforeAll(async () => {
      const { createServer } = await import('node:http');
      target = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"plain":true}'));
      await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
      targetUrl = `http://localhost:${(target.address() as { port: number }).port}/v1/x?y=1`;
    });
    afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

    it('by HTTP_PROXY: no tunnel, the request itself goes to the proxy', async () => {
      const transport = await withEnv({ HTTP_PROXY: open.url, NO_PROXY: '' }, async () => createTransport());
      const answered = await transport.exchange({ method: 'GET', url: targetUrl });
      expect(new TextDecoder().decode(answered.bytes)).toBe('{"plain":true}');
      expect(open.forwarded).toContain(targetUrl);
      expect(open.connects).toEqual([]);
      await transport.close();
    });

    it('as a CGI script (REQUEST_METHOD set), HTTP_PROXY, which a request’s Proxy header sets (httpoxy), is not used', async () => {
      const before = open.forwarded.length;
      const transport = await withEnv({ HTTP_PROXY: open.url, NO_PROXY: '', REQUEST_METHOD: 'GET' }, async () => createTransport());
      const answered = await transport.exchange({ method: 'GET', url: targetUrl });
      expect(new TextDecoder().decode(answered.bytes)).toBe('{"plain":true}');
      expect(open.forwarded.slice(before)).toEqual([]);
      await transport.close();
    });

    it('NO_PROXY names an address by a CIDR range holding it, never by a suffix of it (as curl and Go)', async () => {
      const byAddress = targetUrl.replace('localhost', '127.0.0.1');
      for (const [noProxy, proxied] of [['127.0.0.0/8', false], ['10.0.0.0/8', true], ['0.0.1', true], ['.0.0.1', true]] as const) {
        const before = open.forwarded.length;
        const transport = await withEnv({ HTTP_PROXY: open.url, NO_PROXY: noProxy }, async () => createTransport());
        const answered = await transport.exchange({ method: 'GET', url: byAddress });
        expect(new TextDecoder().decode(answered.bytes)).toBe('{"plain":true}');
        expect({ noProxy, proxied: open.forwarded.length > before }).toEqual({ noProxy, proxied });
        await transport.close();
      }
    });

    it('wrong credentials: the proxy’s 407 is a ProxyError, not the target’s answer', async () => {
      const wrong = guarded.urlWithCredentials.replace(encodeURIComponent(PROXY_PASSWORD), 'wr0ng-passw0rd-77');
      const transport = createTransport({ proxy: wrong });
      const error = await transport.exchange({ method: 'GET', url: targetUrl }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProxyError);
      expect(error).toMatchObject({ status: 407, proxy: new URL(guarded.url).host });
      for (const text of renderings(error)) expect(text).not.toContain('wr0ng-passw0rd-77');
      await transport.close();
    });
  });

  it('the global dispatcher (which NODE_USE_ENV_PROXY makes a proxy agent) is never used: no double proxying', async () => {
    const api = await startHttpsFake(pki, reply.json({ ok: true }));
    fakes.push(api);
    const slot = Symbol.for('undici.globalDispatcher.1');
    const globals = globalThis as unknown as Record<symbol, unknown>;
    const saved = globals[slot];
    globals[slot] = {
      dispatch() {
        throw new Error('the global dispatcher was used');
      },
    };
    try {
      // The platform's fetch goes through the slot (so the trap is live)…
      await expect(fetch(`${api.url}/x`)).rejects.toThrow();
      // …while the client names its own dispatcher, here a proxy agent.
      const transport = createTransport({ proxy: open.url, ca: pki.ca });
      const answered = await transport.exchange({ method: 'GET', url: `${api.url}/x` });
      expect(answered.response.status).toBe(200);
      expect(open.connects).toEqual([`localhost:${api.port}`]);
      await transport.close();
    } finally {
      globals[slot] = saved;
    }
  });

  it('a proxy that resets the connection is a ProxyError', async () => {
    const { createServer } = await import('node:net');
    const resetting = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    const port = (resetting.address() as { port: number }).port;
    try {
      const transport = createTransport({ proxy: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${port}`, maxRetries: 0 });
      const error = await transport.exchange({ method: 'GET', url: 'https://api.example.test/v1/x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProxyError);
      expect(error).toMatchObject({ proxy: `127.0.0.1:${port}`, status: undefined });
      for (const text of renderings(error)) for (const form of PASSWORD_FORMS) expect(text).not.toContain(form);
    } finally {
      resetting.close();
    }
  });

  it('a proxy that takes the connection and never answers the CONNECT is a ProxyError within connectTimeoutMs', async () => {
    const { createServer } = await import('node:net');
    const held: import('node:net').Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const transport = createTransport({ proxy: `http://127.0.0.1:${port}`, connectTimeoutMs: 200, timeoutMs: 20_000, maxRetries: 0 });
      const started = Date.now();
      const error = await transport.exchange({ method: 'GET', url: 'https://api.example.test/v1/x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProxyError);
      expect(error).toMatchObject({ proxy: `127.0.0.1:${port}` });
      expect(Date.now() - started).toBeLessThan(10_000);
      await transport.close();
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });
});
