/**
 * TLS in the Node transport, against a local HTTPS fake whose certificate a test CA (made here with openssl)
 * signed: refused without `ca`, accepted with it (Node's own roots and NODE_EXTRA_CA_CERTS kept); mutual TLS with
 * `cert` and `key`. Verification cannot be turned off.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionError, createTransport } from '@apiclients/core';
import { SparkClient } from '@apiclients/spark';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../reliability/support/fault-server.js';
import { VENDORS } from '../reliability/support/vendors.js';
import { startHttpsFake, type HttpsFake } from './support/https-fake.js';
import { makeTestPki, missingOpenssl, type TestPki } from './support/test-pki.js';

const skip = missingOpenssl();

describe.skipIf(skip)(`TLS with a private CA${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let pki: TestPki;
  let otherPki: TestPki;
  const fakes: HttpsFake[] = [];
  beforeAll(() => {
    pki = makeTestPki();
    otherPki = makeTestPki();
  });
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  });
  const fake = async (answer = reply.json({ ok: true }), options: { requireClientCert?: boolean } = {}) => {
    const started = await startHttpsFake(pki, answer, options);
    fakes.push(started);
    return started;
  };

  describe.each(VENDORS)('$name', (vendor) => {
    it('refuses the server without `ca` (a ConnectionError naming the certificate problem), accepts it with', async () => {
      const api = await fake(vendor.get.ok);
      const refused = await vendor.get.run(api.url, { maxRetries: 0 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConnectionError);
      expect(String((refused as Error).message)).toMatch(/certificate/i);
      expect(api.requests).toHaveLength(0);
      await vendor.get.run(api.url, { ca: pki.ca });
      expect(api.requests).toHaveLength(1);
    });
  });

  it('a CA that did not sign the server is no help', async () => {
    const api = await fake();
    const error = await createTransport({ ca: otherPki.ca, maxRetries: 0 }).exchange({ method: 'GET', url: `${api.url}/x` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('several CAs at once, as a list or as bytes', async () => {
    const api = await fake();
    const list = createTransport({ ca: [otherPki.ca, new TextEncoder().encode(pki.ca)] });
    expect((await list.exchange({ method: 'GET', url: `${api.url}/x` })).response.status).toBe(200);
    await list.close();
  });

  it('the `.raw` client rides the same transport', async () => {
    const api = await fake(reply.json({ id: 'me', emails: [] }));
    const spark = new SparkClient({ accessToken: 'tls-test-token-123456', baseUrl: api.url, ca: pki.ca });
    const { data } = await spark.raw.GET('/people/me');
    expect(data).toMatchObject({ id: 'me' });
    await spark.close();
  });

  describe('mutual TLS', () => {
    it('a server that requires a client certificate refuses the client without one', async () => {
      const api = await fake(reply.json({ ok: true }), { requireClientCert: true });
      const error = await createTransport({ ca: pki.ca, maxRetries: 0 }).exchange({ method: 'GET', url: `${api.url}/x` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(api.requests).toHaveLength(0);
    });

    it.each(VENDORS)('$name presents `cert` and `key`, and is let in', async (vendor) => {
      const api = await fake(vendor.get.ok, { requireClientCert: true });
      await vendor.get.run(api.url, { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey });
      expect(api.requests).toEqual([expect.objectContaining({ clientCn: 'apiclients test client' })]);
    });
  });

  describe('NODE_EXTRA_CA_CERTS keeps working', () => {
    // Asynchronously: the fake it calls runs in this process.
    const runChild = async (url: string, extraCa: string, caOption: string | undefined) => {
      const dir = mkdtempSync(join(tmpdir(), 'apiclients-extra-ca-'));
      try {
        writeFileSync(join(dir, 'extra.pem'), extraCa);
        const script = `
          import { createTransport } from '@apiclients/core';
          const transport = createTransport({ maxRetries: 0, ${caOption ? `ca: ${JSON.stringify(caOption)}` : ''} });
          const answered = await transport.exchange({ method: 'GET', url: ${JSON.stringify(url)} });
          console.log(answered.response.status);`;
        const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
          cwd: join(import.meta.dirname, '../..'),
          env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'extra.pem') },
          encoding: 'utf8',
        });
        return stdout.trim();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it('without `ca`, and beside a `ca` that does not cover the server', async () => {
      const api = await fake();
      expect(await runChild(`${api.url}/x`, pki.ca, undefined)).toBe('200');
      expect(await runChild(`${api.url}/x`, pki.ca, otherPki.ca)).toBe('200');
      expect(api.requests).toHaveLength(2);
    });
  });
});
