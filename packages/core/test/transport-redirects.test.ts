/**
 * The redirect policy: same-origin redirects are followed with the credential, redirects to another origin
 * without it (header or query), the Fetch standard's method and body rules, and a bound on the chain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, type Credential } from '../src/internal.js';
import { reply, type Reply } from './support/fake-fetch.js';
import { SENDERS } from './support/senders.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

const TOKEN = 'tok_redirect_123456';
const header: Credential = { in: 'header', name: 'authorization', value: `Bearer ${TOKEN}` };
const query: Credential = { in: 'query', name: 'token', value: TOKEN };
const redirect = (status: number, location: string): Reply => reply(status, undefined, { location });

describe.each(SENDERS)('over $name', ({ fakeFetch, createTransport }) => {
  describe('redirects, followed by the transport', () => {
    it('keeps the credential on the same origin and re-adds a query credential the Location lacks', async () => {
      const fake = fakeFetch(redirect(302, '/v2/moved?x=1'), reply(200, { ok: true }));
      const transport = createTransport({ fetch: fake.fetch, credential: query });
      const answered = await transport.exchange({ method: 'GET', url: 'https://api.test/v1/a' });
      expect(fake.sent.map((s) => s.url)).toEqual([`https://api.test/v1/a?token=${TOKEN}`, `https://api.test/v2/moved?x=1&token=${TOKEN}`]);
      // The URL that answered, as a caller sees it: without the token the transport added.
      expect(answered.url).toBe('https://api.test/v2/moved?x=1');
      expect(JSON.parse(new TextDecoder().decode(answered.bytes))).toEqual({ ok: true });
    });

    it('sends no credential header, cookie or query token to another origin, and keeps other headers', async () => {
      for (const credential of [header, query]) {
        const fake = fakeFetch(redirect(307, 'https://cdn.other.test/file'), reply(200, {}));
        const transport = createTransport({ fetch: fake.fetch, credential, headers: { 'x-trace': 'abc' } });
        await transport.exchange({ method: 'GET', url: 'https://api.test/v1/a', headers: { cookie: 'session=s3cr3tcookie' } });
        const [first, second] = fake.sent;
        expect(second?.url).toBe('https://cdn.other.test/file');
        expect(second?.headers.get('authorization')).toBeNull();
        expect(second?.headers.get('cookie')).toBeNull();
        expect(second?.headers.get('x-trace')).toBe('abc');
        expect(first?.headers.get('cookie')).toBe('session=s3cr3tcookie');
      }
    });

    it('sends no credential header of the client’s `headers` option or of the call (`x-api-key`) to another origin', async () => {
      const fake = fakeFetch(redirect(307, 'https://cdn.other.test/file'), reply(200, {}));
      const transport = createTransport({ fetch: fake.fetch, credential: header, headers: { 'X-Api-Key': 'key_redirect_654321' } });
      await transport.exchange({ method: 'GET', url: 'https://api.test/v1/a', headers: { 'x-auth-token': 'auth_redirect_987654' } });
      const [first, second] = fake.sent;
      expect([first?.headers.get('x-api-key'), first?.headers.get('x-auth-token')]).toEqual(['key_redirect_654321', 'auth_redirect_987654']);
      expect([second?.headers.get('x-api-key'), second?.headers.get('x-auth-token')]).toEqual([null, null]);
    });

    it('drops a query token the Location repeats on the way to another origin, keeping the other parameters', async () => {
      const fake = fakeFetch(redirect(302, `https://other.test/b?x=1&token=${TOKEN}&alias=${TOKEN}`), reply(200, {}));
      await createTransport({ fetch: fake.fetch, credential: query }).exchange({ method: 'GET', url: 'https://api.test/v1/a' });
      expect(fake.sent[1]?.url).toBe('https://other.test/b?x=1');
    });

    it('once off the origin, stays without the credential even when redirected back', async () => {
      const fake = fakeFetch(redirect(302, 'https://other.test/b'), redirect(302, 'https://api.test/v1/c'), reply(200, {}));
      await createTransport({ fetch: fake.fetch, credential: header }).exchange({ method: 'GET', url: 'https://api.test/v1/a' });
      expect(fake.sent.map((s) => s.headers.get('authorization'))).toEqual([`Bearer ${TOKEN}`, null, null]);
    });

    it.each([
      [303, 'POST', 'GET', false],
      [302, 'POST', 'GET', false],
      [301, 'POST', 'GET', false],
      [307, 'POST', 'POST', true],
      [308, 'PUT', 'PUT', true],
      [303, 'HEAD', 'HEAD', false],
    ])('%i after %s: the next request is a %s (body kept: %s)', async (status, method, nextMethod, bodyKept) => {
      const fake = fakeFetch(redirect(status, '/next'), reply(200, {}));
      const body = method === 'HEAD' ? null : '{"a":1}';
      await createTransport({ fetch: fake.fetch }).exchange({ method, url: 'https://api.test/first', headers: { 'content-type': 'application/json' }, body });
      const next = fake.sent[1];
      expect(next?.method).toBe(nextMethod);
      expect(next?.hasBody).toBe(bodyKept);
      if (bodyKept) {
        expect(new TextDecoder().decode(next?.body)).toBe('{"a":1}');
        expect(next?.headers.get('content-type')).toBe('application/json');
      } else if (nextMethod !== method) {
        expect(next?.headers.get('content-type')).toBeNull();
      }
    });

    it('ends an endless chain after 20 redirects with a ConnectionError', async () => {
      const fake = fakeFetch(redirect(302, '/again'));
      const failure = await createTransport({ fetch: fake.fetch, maxRetries: 0 })
        .exchange({ method: 'GET', url: 'https://api.test/loop' })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConnectionError);
      expect(String(failure)).toMatch(/more than 20 redirects/);
      expect(fake.sent).toHaveLength(21);
    });

    it('leaves a 3xx without Location, and a caller asking for `manual`, unfollowed', async () => {
      const withoutLocation = fakeFetch(reply(300, 'choices'), reply(200, {}));
      const failure = await createTransport({ fetch: withoutLocation.fetch, maxRetries: 0 })
        .exchange({ method: 'GET', url: 'https://api.test/a' })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ status: 300 });
      expect(withoutLocation.sent).toHaveLength(1);

      const manual = fakeFetch(redirect(302, '/b'), reply(200, {}));
      await createTransport({ fetch: manual.fetch, maxRetries: 0 }).exchange({ method: 'GET', url: 'https://api.test/a', redirect: 'manual' }).catch(() => undefined);
      expect(manual.sent).toHaveLength(1);
    });
  });

  describe('redirects over real sockets', () => {
    const servers: LocalServer[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.close()));
    });

    it('follows to another origin without the Authorization header, and with it on the same origin', async () => {
      const seen: { server: string; path: string; authorization: string | undefined }[] = [];
      const other = await startLocalServer((request, response) => {
        seen.push({ server: 'other', path: request.url ?? '', authorization: request.headers.authorization });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"where":"other"}');
      });
      const api = await startLocalServer((request, response) => {
        seen.push({ server: 'api', path: request.url ?? '', authorization: request.headers.authorization });
        if (request.url === '/start') response.writeHead(302, { location: '/same' }).end();
        else response.writeHead(307, { location: `${other.url}/elsewhere` }).end();
      });
      servers.push(other, api);
      const answered = await createTransport({ credential: header }).exchange({ method: 'GET', url: `${api.url}/start` });
      expect(new TextDecoder().decode(answered.bytes)).toBe('{"where":"other"}');
      expect(answered.url).toBe(`${other.url}/elsewhere`);
      expect(seen).toEqual([
        { server: 'api', path: '/start', authorization: `Bearer ${TOKEN}` },
        { server: 'api', path: '/same', authorization: `Bearer ${TOKEN}` },
        { server: 'other', path: '/elsewhere', authorization: undefined },
      ]);
    });
  });
});
