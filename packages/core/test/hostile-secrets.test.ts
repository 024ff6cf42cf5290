/**
 * A hostile server's ways of getting a secret into an error or to another host: the reason phrase, JSON escapes
 * that text redaction misses, keys and deep strings of the body, the parser's own message, the call's own form
 * secrets, short passwords, and a Location to another host that embeds the credential in any form.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  bindOperations,
  createFetchClient,
  createTransport,
  InvalidResponseError,
  REDACTED,
  Redactor,
  type ApiError,
  type Credential,
  type OperationTable,
} from '../src/internal.js';
import { createTransport as createNodeTransport } from '../src/internal-node.js';
import { fakeFetch, rejectionOf, reply, type Reply } from './support/fake-fetch.js';
import { startLocalServer } from './support/local-server.js';

const TOKEN = 'tok_hostile_5ecr3t/x+y';
const header: Credential = { in: 'header', name: 'authorization', value: `Bearer ${TOKEN}` };
const query: Credential = { in: 'query', name: 'token', value: TOKEN };

/** Every printed view of an error, its cause chain included. */
function printed(error: unknown): string {
  const views = [String(error), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) {
    views.push(inspect(cause, { depth: 20, showHidden: true }), JSON.stringify(cause, Object.getOwnPropertyNames(cause)));
  }
  return views.join('\n');
}

const raw = (status: number, text: string, init: ResponseInit = {}): Reply => () => new Response(text, { status, ...init });

async function failure(answer: Reply, credential: Credential = header): Promise<ApiError> {
  const fake = fakeFetch(answer);
  return (await rejectionOf(createTransport({ fetch: fake.fetch, credential, maxRetries: 0 }).exchange({ method: 'GET', url: 'https://api.test/v1/a' }))) as ApiError;
}

describe('secrets in an error response', () => {
  it('are redacted from the reason phrase, whether the body has a message or not', async () => {
    for (const body of ['', '{}', '{"message":"no"}', '<html>no</html>']) {
      const error = await failure(raw(401, body, { statusText: `Invalid credential Bearer ${TOKEN} (${TOKEN})` }));
      expect(error.status).toBe(401);
      expect(printed(error)).not.toContain(TOKEN);
      expect(printed(error)).not.toContain('5ecr3t');
    }
  });

  it('written with any legal JSON escape, are redacted from every string of the parsed body, keys included', async () => {
    const escaped = JSON.stringify(TOKEN).slice(1, -1).replace('_', '\\u005f').replaceAll('/', '\\/').replace('t', '\\u0074');
    expect(escaped).not.toContain(TOKEN);
    const text = `{"message":"bad ${escaped}","errors":[{"deep":[[[{"x":"${escaped}"}]]]}],"${escaped}":1,"__proto__":{"t":"${escaped}"}}`;
    const error = await failure(raw(400, text, { headers: { 'content-type': 'application/json' } }));
    expect(JSON.stringify(error.body)).not.toContain('5ecr3t');
    expect(error.message).toContain(REDACTED);
    expect(printed(error)).not.toContain('5ecr3t');
    // The `__proto__` key is still a plain key of the body, not its prototype.
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect(Object.keys(error.body as object)).toContain('__proto__');
  });

  it('are redacted from a body nested 20 000 deep, without a RangeError', async () => {
    const depth = 20_000;
    const text = `${'{"errors":['.repeat(depth)}"${TOKEN}"${']}'.repeat(depth)}`;
    const error = await failure(raw(500, text, { headers: { 'content-type': 'application/json' } }));
    expect(error.status).toBe(500);
    let node: unknown = error.body;
    for (let i = 0; i < depth; i++) node = (node as { errors: unknown[] }).errors[0];
    expect(node).toBe(REDACTED);
  });

  it('are redacted from echoed response headers, by name or value', async () => {
    const error = await failure(raw(403, '', { headers: { 'x-echo': `you sent ${TOKEN}`, 'set-cookie': 'sid=1' } }));
    expect(JSON.stringify(error.headers)).not.toContain('5ecr3t');
  });
});

describe('the parser error kept as cause', () => {
  it('are redacted when the server echoes a credential header of the client’s `headers` option or of the call', async () => {
    const server = await startLocalServer((request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `you sent ${JSON.stringify(request.headers)}` }));
    });
    try {
      const transport = createNodeTransport({ headers: { 'X-Api-Key': 'key_echoed_135791' }, maxRetries: 0 });
      const error = await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/v1/a`, headers: { 'x-auth-token': 'auth_echoed_246802' } }));
      await transport.close();
      expect(String(error)).toContain('you sent');
      expect(printed(error)).not.toMatch(/key_echoed_135791|auth_echoed_246802/);
    } finally {
      await server.close();
    }
  });

  it('quotes nothing of the body, even a short unregistered secret', async () => {
    const table = {
      a_get: { resource: 'a', method: 'get', verb: 'get', path: '/a', params: [], requestBody: [], responses: ['application/json'], pagination: null, idempotent: true },
    } as const satisfies OperationTable;
    const fake = fakeFetch(raw(200, 'sk_4f9x not json'));
    const api = bindOperations<{ a_get: never }, typeof table>('https://api.test', table, createTransport({ fetch: fake.fetch }));
    const error = await rejectionOf((api as unknown as { a: { get: () => Promise<unknown> } }).a.get());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(String((error as Error).cause)).not.toContain('sk_4f9x');
  });

  it('from `.raw` quotes nothing of the body either', async () => {
    const fake = fakeFetch(raw(200, 'sk_4f9x not json', { headers: { 'content-type': 'application/json' } }));
    const client = createFetchClient<{ '/a': { get: { responses: { 200: { content: { 'application/json': unknown } } } } } }>(
      'https://api.test',
      createTransport({ fetch: fake.fetch }),
    );
    const error = await rejectionOf(client.GET('/a'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(String((error as Error).cause)).not.toContain('sk_4f9x');
  });
});

describe('secrets of the call itself', () => {
  const table = {
    tokens_create: {
      resource: 'tokens', method: 'create', verb: 'post', path: '/access_token', params: [],
      requestBody: ['application/x-www-form-urlencoded'], bodyOpen: true, responses: ['application/json'], pagination: null, idempotent: false,
    },
  } as const satisfies OperationTable;
  const form = { grant_type: 'refresh_token', client_id: 'public-id', client_secret: 'cs_Zq81', refresh_token: 'rt_9Qw-long-refresh', code: 'c0de' };
  const echo: Reply = (request) => new Response(JSON.stringify({ message: `bad form: ${new TextDecoder().decode(request.body)}`, got: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(request.body))) }), { status: 400, statusText: `Bad ${form.client_secret}`, headers: { 'content-type': 'application/json' } });

  it('(form fields of a bound call) never reach its error, however short', async () => {
    const fake = fakeFetch(echo);
    // As a vendor client wires them: one redactor for the transport and the bound operations.
    const redactor = new Redactor();
    const api = bindOperations<{ tokens_create: never }, typeof table>('https://api.test', table, createTransport({ fetch: fake.fetch, redactor }), { redactor });
    const error = await rejectionOf((api as unknown as { tokens: { create: (a: unknown) => Promise<unknown> } }).tokens.create(form));
    const shown = printed(error);
    for (const secret of [form.client_secret, form.refresh_token, form.code]) expect(shown).not.toContain(secret);
    expect(shown).toContain('public-id');
  });

  it('(form and JSON fields of a `.raw` call) never reach its error', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', new URLSearchParams(form).toString()],
      ['application/json', JSON.stringify(form)],
    ] as const) {
      const transport = createTransport({ fetch: fakeFetch(echo).fetch, maxRetries: 0 });
      const fromRaw = await rejectionOf(transport(new Request('https://api.test/t', { method: 'POST', headers: { 'content-type': type }, body })));
      expect((fromRaw as ApiError).status).toBe(400);
      const shown = printed(fromRaw);
      for (const secret of [form.client_secret, form.refresh_token, form.code]) expect(shown, type).not.toContain(secret);
    }
  });
});

describe('short secrets (a 4-character password)', () => {
  it('are redacted as whole words, not inside longer words', () => {
    const redactor = new Redactor(['pw1!', 'abc']);
    expect(redactor.text('password pw1! rejected; abc, abcdef, xabc, pw1!x')).toBe(`password ${REDACTED} rejected; ${REDACTED}, abcdef, xabc, pw1!x`);
    expect(redactor.url('https://h.test/p?pass=pw1%21&q=abc')).not.toMatch(/pw1|abc/);
    expect(redactor.value({ a: ['abc', { b: 'pw1!' }] })).toEqual({ a: [REDACTED, { b: REDACTED }] });
  });
});

describe('a redirect to another origin', () => {
  const sentAfterRedirect = async (location: string, credential: Credential) => {
    const fake = fakeFetch(reply(302, undefined, { location }), reply(200, {}));
    await createTransport({ fetch: fake.fetch, credential }).exchange({ method: 'GET', url: 'https://vspark.test/config' });
    return fake.sent[1]?.url ?? '';
  };
  const forms = (secret: string) => [secret, encodeURIComponent(secret), encodeURIComponent(encodeURIComponent(secret)), new URLSearchParams([['', secret]]).toString().slice(1)];

  for (const credential of [query, header]) {
    it(`carries the ${credential.in} credential nowhere in the URL, in any encoding or nesting`, async () => {
      const inner = `https://vspark.test/config?token=${encodeURIComponent(TOKEN)}`;
      const locations = [
        `https://sso.test/login?rd=${encodeURIComponent(inner)}`,
        `https://sso.test/login?rd=${encodeURIComponent(encodeURIComponent(inner))}&keep=1`,
        `https://sso.test/login?next=${inner}`,
        `https://sso.test/login?x=prefix-${encodeURIComponent(TOKEN)}-suffix&keep=1`,
        `https://sso.test/${encodeURIComponent(TOKEN)}/login?keep=1`,
        `https://sso.test/login?keep=1#${TOKEN}`,
        `https://${encodeURIComponent(TOKEN)}@sso.test/login?keep=1`,
        `https://sso.test/login?${encodeURIComponent(TOKEN)}=1&keep=1`,
      ];
      for (const location of locations) {
        const sent = await sentAfterRedirect(location, credential);
        expect(sent).toMatch(/^https:\/\/sso\.test\//);
        for (const form of forms(TOKEN)) expect(sent, location).not.toContain(form);
        expect(sent, location).not.toContain('5ecr3t');
        if (location.includes('keep=1')) expect(sent, location).toContain('keep=1');
      }
    });
  }

  it('keeps a Location that holds no secret verbatim', async () => {
    expect(await sentAfterRedirect('https://sso.test/login?a&b=%7e', query)).toBe('https://sso.test/login?a&b=%7e');
  });
});

describe('a query credential the transport adds', () => {
  it('the url of the Response the fetch door (`.raw`) answers with, and the exchange’s, are without it', async () => {
    const server = await startLocalServer((request, response) => response.end(`{"seen":${JSON.stringify(request.url)}}`));
    try {
      const transport = createNodeTransport({ credential: query });
      const response = await transport(new Request(`${server.url}/v1/a?x=1`));
      expect(await response.json()).toEqual({ seen: `/v1/a?x=1&token=${encodeURIComponent(TOKEN)}` });
      expect(response.url).toBe(`${server.url}/v1/a?x=1`);
      expect((await transport.exchange({ method: 'GET', url: `${server.url}/v1/b` })).url).toBe(`${server.url}/v1/b`);
      await transport.close();
    } finally {
      await server.close();
    }
  });
});

describe('a call’s own secrets', () => {
  it('are redacted from that call’s error, and the client’s redactor does not keep them after it', async () => {
    let body = '';
    const server = await startLocalServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        body = Buffer.concat(chunks).toString();
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: `you sent ${request.url} ${JSON.stringify(request.headers)} ${body}` }));
      });
    });
    const clientRedactor = new Redactor();
    const transport = createNodeTransport({ credential: header, redactor: clientRedactor, maxRetries: 0 });
    try {
      const tokens = ['per_call_token_1111', 'per_call_token_2222', 'per_call_token_3333'];
      for (const token of tokens) {
        const credential: Credential = { in: 'query', name: 'token', value: token };
        const error = await rejectionOf(transport.exchange({ method: 'GET', url: `${server.url}/v1/a`, headers: { 'x-api-key': `key_${token}` } }, { credential }));
        expect(String(error)).toContain('you sent');
        expect(printed(error)).not.toMatch(new RegExp(`${token}`));
      }
      // The `.raw` door: a password in a JSON body, echoed back.
      const request = new Request(`${server.url}/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"u","password":"hunter2_per_call"}' });
      const viaRaw = await rejectionOf(transport(request));
      expect(body).toContain('hunter2_per_call');
      expect(String(viaRaw)).toContain('you sent /v1/login');
      expect(printed(viaRaw)).not.toContain('hunter2_per_call');
      const viaBound = await rejectionOf(transport.exchange({ method: 'POST', url: `${server.url}/v1/login`, headers: { 'content-type': 'application/json' }, body: '{"password":"hunter2_bound"}', secrets: ['hunter2_bound'] }));
      expect(printed(viaBound)).not.toContain('hunter2_bound');
      // None of them is the client's to keep: a server sending each request with its own user's token would
      // otherwise grow the client's redactor without end.
      for (const secret of [...tokens, ...tokens.map((token) => `key_${token}`), 'hunter2_per_call', 'hunter2_bound']) {
        expect(clientRedactor.holds(secret)).toBe(false);
      }
      expect(clientRedactor.holds(TOKEN)).toBe(true);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it('Redactor.with copies: the scoped one redacts both, the original only its own', () => {
    const client = new Redactor(['client_secret_value']);
    const scoped = client.with(['call_secret_value', undefined, 'client_secret_value']);
    expect(scoped).not.toBe(client);
    expect(scoped.text('client_secret_value call_secret_value')).toBe(`${REDACTED} ${REDACTED}`);
    expect(client.text('client_secret_value call_secret_value')).toBe(`${REDACTED} call_secret_value`);
    expect(client.with(['client_secret_value', null])).toBe(client);
  });
});
