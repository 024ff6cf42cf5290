/** What each attempt sends: credentials (header or query), default headers, User-Agent; and what comes back. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../src/internal.js';
import { recordedSleep, reply } from './support/fake-fetch.js';
import { SENDERS } from './support/senders.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

const TOKEN = 'tok_abcdef123456';
const query: Credential = { in: 'query', name: 'token', value: TOKEN };
const header: Credential = { in: 'header', name: 'Authorization', value: `Bearer ${TOKEN}` };

describe.each(SENDERS)('over $name', ({ fakeFetch, createTransport }) => {
  async function sentFor(request: Request, options: Parameters<typeof createTransport>[0] = {}, policy = {}) {
    const fake = fakeFetch(reply(200));
    await createTransport({ fetch: fake.fetch, ...options })(request, policy);
    const sent = fake.sent[0];
    if (!sent) throw new Error('nothing was sent');
    return sent;
  }

  describe('query credentials', () => {
    it.each([
      ['https://h.test/a', `https://h.test/a?token=${TOKEN}`],
      ['https://h.test/a?x=1', `https://h.test/a?x=1&token=${TOKEN}`],
      ['https://h.test/a?', `https://h.test/a?token=${TOKEN}`],
      ['https://h.test/a?x=1&before&after=Y2lz', `https://h.test/a?x=1&before&after=Y2lz&token=${TOKEN}`],
    ])('%s → %s', async (url, expected) => {
      expect((await sentFor(new Request(url), { credential: query })).url).toBe(expected);
    });

    it('is added before a fragment', async () => {
      const fake = fakeFetch(reply(200));
      const seen: string[] = [];
      const transport = createTransport({
        credential: query,
        fetch: (url, init) => {
          seen.push(url);
          return fake.fetch(url, init);
        },
      });
      await transport(new Request('https://h.test/a?x=1#frag'));
      expect(seen[0]).toBe(`https://h.test/a?x=1&token=${TOKEN}#frag`);
    });

    it('is URL-encoded', async () => {
      const sent = await sentFor(new Request('https://h.test/a'), { credential: { in: 'query', name: 'api key', value: 'a&b=c/d' } });
      expect(sent.url).toBe('https://h.test/a?api%20key=a%26b%3Dc%2Fd');
      expect(new URL(sent.url).searchParams.get('api key')).toBe('a&b=c/d');
    });

    it('is not added when the URL already carries that parameter', async () => {
      expect((await sentFor(new Request('https://h.test/a?token=mine'), { credential: query })).url).toBe('https://h.test/a?token=mine');
    });

    it('is replaced by a per-request credential, or left out with credential: null', async () => {
      const other: Credential = { in: 'query', name: 'token', value: 'other_7890ab' };
      expect((await sentFor(new Request('https://h.test/a'), { credential: query }, { credential: other })).url).toBe(
        'https://h.test/a?token=other_7890ab',
      );
      expect((await sentFor(new Request('https://h.test/a'), { credential: query }, { credential: null })).url).toBe('https://h.test/a');
    });
  });

  describe('header credentials and default headers', () => {
    it('adds the header credential', async () => {
      const sent = await sentFor(new Request('https://h.test/a'), { credential: header });
      expect(sent.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      expect(sent.url).toBe('https://h.test/a');
    });

    it('keeps a credential header the request already sets', async () => {
      const sent = await sentFor(new Request('https://h.test/a', { headers: { authorization: 'Bearer own_token' } }), { credential: header });
      expect(sent.headers.get('authorization')).toBe('Bearer own_token');
    });

    it('adds default headers and the User-Agent, unless the request sets them', async () => {
      const sent = await sentFor(new Request('https://h.test/a', { headers: { 'x-b': 'request' } }), {
        headers: { 'x-a': 'default', 'x-b': 'default' },
        userAgent: 'apiclients-test/1.0',
      });
      expect(sent.headers.get('x-a')).toBe('default');
      expect(sent.headers.get('x-b')).toBe('request');
      expect(sent.headers.get('user-agent')).toBe('apiclients-test/1.0');
    });

    it('sends the same headers on every attempt', async () => {
      const fake = fakeFetch(reply(503), reply(503), reply(200));
      const transport = createTransport({ fetch: fake.fetch, credential: header, userAgent: 'ua/1', sleep: recordedSleep().sleep });
      await transport(new Request('https://h.test/a'));
      expect(fake.sent.map((s) => [s.headers.get('authorization'), s.headers.get('user-agent')])).toEqual([
        [`Bearer ${TOKEN}`, 'ua/1'],
        [`Bearer ${TOKEN}`, 'ua/1'],
        [`Bearer ${TOKEN}`, 'ua/1'],
      ]);
    });

    it('sends the method upper case', async () => {
      const sent = await sentFor(new Request('https://h.test/a', { method: 'delete' }));
      expect(sent.method).toBe('DELETE');
    });
  });

  describe('the response handed back', () => {
    let server: LocalServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('keeps status, statusText, headers and body', async () => {
      const fake = fakeFetch(() => new Response('{"a":1}', { status: 201, statusText: 'Created', headers: { 'x-id': '7', 'content-type': 'application/json' } }));
      const response = await createTransport({ fetch: fake.fetch })(new Request('https://h.test/a', { method: 'POST', body: '{}' }));
      expect(response.status).toBe(201);
      expect(response.statusText).toBe('Created');
      expect(response.headers.get('x-id')).toBe('7');
      expect(await response.json()).toEqual({ a: 1 });
    });

    it.each([204, 205])('a %d has a null body', async (status) => {
      const fake = fakeFetch(() => new Response(null, { status }));
      const response = await createTransport({ fetch: fake.fetch })(new Request('https://h.test/a'));
      expect(response.status).toBe(status);
      expect(response.body).toBeNull();
    });

    it('keeps the URL that answered, after a redirect', async () => {
      server = await startLocalServer((req, res) => {
        if (req.url === '/start') return void res.writeHead(302, { location: '/final?page=1' }).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
      const response = await createTransport()(new Request(`${server.url}/start`));
      expect(response.url).toBe(`${server.url}/final?page=1`);
      expect(await response.json()).toEqual({ ok: true });
      expect(server.requests).toBe(2);
    });
  });
});
