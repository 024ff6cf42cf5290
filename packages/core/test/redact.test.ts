/**
 * No token, in any of the forms it travels in, reaches an error (message, String, JSON, inspect, url, headers,
 * body, cause) or a log line. Plus the Redactor itself.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ConnectionError,
  createTransport,
  REDACTED,
  Redactor,
  SECRET_HEADERS,
  SECRET_QUERY_PARAMS,
  type Credential,
  type TransportOptions,
} from '../src/internal.js';
import { fakeFetch, recordedLogger, recordedSleep, rejectionOf, reply, type Reply } from './support/fake-fetch.js';

const BASE = 'https://api.example.test/v1';
const HEADER_TOKEN = 'hdrTok_9f8e7d6c5b4a3';
const QUERY_TOKEN = 'qryTok_1a2b3c4d5e6f7';
const CALL_TOKEN = 'callTok_77aa88bb99cc';
const USERINFO_SECRET = 'uiPass_0x5ecr3t';
const OAUTH_TOKEN = 'ya29.a0AfH6SMBx-oauth_Tok';

/** Every view of an error a user or a log might print. */
function viewsOf(error: unknown): Record<string, string> {
  const e = error as Error & { url?: string; headers?: unknown; body?: unknown };
  const views: Record<string, string> = {
    message: e.message,
    string: String(e),
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: 10, showHidden: true }),
    stack: e.stack ?? '',
    url: String(e.url),
    headers: String(JSON.stringify(e.headers)),
    body: String(JSON.stringify(e.body)),
  };
  if (e.cause !== undefined) {
    views.cause = inspect(e.cause, { depth: 10, showHidden: true });
    views.causeJson = JSON.stringify(e.cause, Object.getOwnPropertyNames(e.cause));
  }
  return views;
}

function expectNoSecret(values: Record<string, string> | string[], secrets: string[]) {
  for (const [where, value] of Object.entries(values)) {
    for (const secret of secrets) {
      expect(value, `${where} leaks ${secret}`).not.toContain(secret);
      expect(value, `${where} leaks ${secret} (URL-encoded)`).not.toContain(encodeURIComponent(secret));
    }
  }
}

/** Runs one failing call with a recorded logger; returns the error and every log line. */
async function failingCall(replies: Reply[], options: TransportOptions, request: Request, policy = {}) {
  const fake = fakeFetch(...replies);
  const { lines, logger } = recordedLogger();
  const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep, logger, ...options });
  const error = await rejectionOf(transport(request, policy));
  return { error, lines, sent: fake.sent };
}

describe('no token reaches an error or a log line', () => {
  it('a header credential (Authorization: Bearer …), echoed bare and whole in body and headers', async () => {
    const credential: Credential = { in: 'header', name: 'authorization', value: `Bearer ${HEADER_TOKEN}` };
    const { error, lines, sent } = await failingCall(
      [
        reply(503),
        reply(
          401,
          { message: `Invalid token ${HEADER_TOKEN}`, echo: `Authorization: Bearer ${HEADER_TOKEN}`, raw: HEADER_TOKEN },
          { 'x-echo-token': HEADER_TOKEN, 'x-echo-auth': `Bearer ${HEADER_TOKEN}`, 'www-authenticate': 'Bearer error="invalid_token"' },
        ),
      ],
      { credential },
      new Request(`${BASE}/rooms`),
    );
    // The credential was sent…
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${HEADER_TOKEN}`);
    // …and appears nowhere after.
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expectNoSecret(viewsOf(error), [HEADER_TOKEN]);
    expectNoSecret(lines, [HEADER_TOKEN]);
    expect((error as ApiError).message).toBe(`401 Invalid token ${REDACTED}: GET ${BASE}/rooms`);
    expect((error as ApiError).headers['x-echo-token']).toBe(REDACTED);
  });

  it('a query credential (?token=…), echoed in the body and a Location header', async () => {
    const credential: Credential = { in: 'query', name: 'token', value: QUERY_TOKEN };
    const { error, lines, sent } = await failingCall(
      [
        reply(
          400,
          { error: `bad request for ${BASE}/status?format=csv&token=${QUERY_TOKEN}`, token: QUERY_TOKEN },
          { location: `${BASE}/status?token=${QUERY_TOKEN}` },
        ),
      ],
      { credential },
      new Request(`${BASE}/status?format=csv`),
    );
    expect(sent[0]?.url).toBe(`${BASE}/status?format=csv&token=${QUERY_TOKEN}`);
    expectNoSecret(viewsOf(error), [QUERY_TOKEN]);
    expectNoSecret(lines, [QUERY_TOKEN]);
    expect((error as ApiError).url).toBe(`${BASE}/status?format=csv&token=${REDACTED}`);
    expect((error as ApiError).body).toEqual({ error: `bad request for ${BASE}/status?format=csv&token=${REDACTED}`, token: REDACTED });
  });

  it('a query credential under a name that is not on the secret list, URL-encoded on the wire', async () => {
    const token = 'weird/Tok+en=value?x';
    const credential: Credential = { in: 'query', name: 'auth', value: token };
    const { error, lines, sent } = await failingCall(
      [reply(404, `not found: ${BASE}/x?auth=${encodeURIComponent(token)}`)],
      { credential },
      new Request(`${BASE}/x`),
    );
    expect(sent[0]?.url).toBe(`${BASE}/x?auth=${encodeURIComponent(token)}`);
    expectNoSecret(viewsOf(error), [token]);
    expectNoSecret(lines, [token]);
  });

  it('a per-call credential', async () => {
    const { error, lines, sent } = await failingCall(
      [reply(403, { message: `company token ${CALL_TOKEN} may not read this folder` })],
      { credential: { in: 'query', name: 'token', value: QUERY_TOKEN } },
      new Request(`${BASE}/status/acme`),
      { credential: { in: 'query', name: 'token', value: CALL_TOKEN } },
    );
    expect(sent[0]?.url).toBe(`${BASE}/status/acme?token=${CALL_TOKEN}`);
    expectNoSecret(viewsOf(error), [CALL_TOKEN, QUERY_TOKEN]);
    expectNoSecret(lines, [CALL_TOKEN, QUERY_TOKEN]);
  });

  it('a token in a URL’s user-info, echoed by the server (never registered as a secret)', async () => {
    const { error, lines } = await failingCall(
      [
        reply(502, { message: `upstream https://svc:${USERINFO_SECRET}@backend.internal:8443/api refused the connection` }, {
          'x-upstream': `https://svc:${USERINFO_SECRET}@backend.internal:8443/api`,
        }),
      ],
      { maxRetries: 0 },
      new Request(`${BASE}/rooms`),
    );
    expectNoSecret(viewsOf(error), [USERINFO_SECRET]);
    expectNoSecret(lines, [USERINFO_SECRET]);
    expect((error as ApiError).message).toContain('backend.internal:8443/api refused');
  });

  it('an OAuth scheme string, echoed by the server (never registered as a secret)', async () => {
    const { error, lines } = await failingCall(
      [reply(401, `Rejected header "Authorization: OAuth ${OAUTH_TOKEN}"`, { 'x-debug': `OAuth ${OAUTH_TOKEN}` })],
      {},
      new Request(`${BASE}/me`),
    );
    expectNoSecret(viewsOf(error), [OAUTH_TOKEN]);
    expectNoSecret(lines, [OAUTH_TOKEN]);
    expect((error as ApiError).body).toBe(`Rejected header "Authorization: OAuth ${REDACTED}"`);
  });

  it('an OAuth header credential', async () => {
    const credential: Credential = { in: 'header', name: 'Authorization', value: `OAuth ${OAUTH_TOKEN}` };
    const { error, lines } = await failingCall(
      [reply(401, { error: 'invalid_token', token_seen: OAUTH_TOKEN })],
      { credential },
      new Request(`${BASE}/me`),
    );
    expectNoSecret(viewsOf(error), [OAUTH_TOKEN]);
    expectNoSecret(lines, [OAUTH_TOKEN]);
  });

  it('the cause of a ConnectionError, whose message carries the URL and a header', async () => {
    const cause = Object.assign(
      new Error(`connect ECONNRESET while sending GET ${BASE}/rooms?token=${QUERY_TOKEN} with Authorization: Bearer ${HEADER_TOKEN}`),
      { code: 'ECONNRESET' },
    );
    const failing: Reply = () => {
      throw new TypeError(`fetch failed (${BASE}/rooms?token=${QUERY_TOKEN})`, { cause });
    };
    const { error, lines } = await failingCall(
      [failing],
      { credential: { in: 'query', name: 'token', value: QUERY_TOKEN }, headers: { authorization: `Bearer ${HEADER_TOKEN}` } },
      new Request(`${BASE}/rooms`),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(((error as ConnectionError).cause as { code?: string }).code).toBe('ECONNRESET');
    expect((error as ConnectionError).message).toContain('ECONNRESET');
    expectNoSecret(viewsOf(error), [QUERY_TOKEN, HEADER_TOKEN]);
    expectNoSecret(lines, [QUERY_TOKEN, HEADER_TOKEN]);
    expect(lines.length).toBeGreaterThanOrEqual(5); // three attempts, two retries
  });

  it('every log line of a call that retries and succeeds', async () => {
    const credential: Credential = { in: 'query', name: 'access_token', value: QUERY_TOKEN };
    const fake = fakeFetch(reply(429, '', { 'retry-after': '0' }), reply(503), reply(200, { ok: true }));
    const { lines, logger } = recordedLogger();
    const transport = createTransport({ fetch: fake.fetch, sleep: recordedSleep().sleep, logger, credential });
    await transport(new Request(`${BASE}/rooms?max=10`));
    expect(lines).toHaveLength(6); // at debug, each attempt's line as it leaves and its outcome
    expectNoSecret(lines, [QUERY_TOKEN]);
    expect(lines[0]).toBe(`→ GET ${BASE}/rooms?max=10&access_token=${REDACTED}`);
  });

  it('never mutates the caller’s request, options or credential', async () => {
    const credential: Credential = { in: 'header', name: 'authorization', value: `Bearer ${HEADER_TOKEN}` };
    const headers = { 'x-client': 'test' };
    const options = { credential, headers };
    const fake = fakeFetch(reply(200));
    const transport = createTransport({ ...options, fetch: fake.fetch });
    const request = new Request(`${BASE}/rooms`);
    await transport(request);
    expect(request.headers.has('authorization')).toBe(false);
    expect(request.headers.has('x-client')).toBe(false);
    expect(credential).toEqual({ in: 'header', name: 'authorization', value: `Bearer ${HEADER_TOKEN}` });
    expect(headers).toEqual({ 'x-client': 'test' });
  });
});

describe('Redactor.text', () => {
  it('replaces every occurrence of a known secret', () => {
    const redactor = new Redactor(['s3cr3t-value']);
    expect(redactor.text('a s3cr3t-value b s3cr3t-value')).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it('replaces the JSON-escaped form of a known secret (a server echoing it inside a JSON string)', () => {
    const secret = 'pa"ss\\word';
    const redactor = new Redactor([secret]);
    const body = JSON.stringify({ message: `bad password ${secret}` });
    expect(redactor.text(body)).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(JSON.stringify(JSON.parse(redactor.text(body)))).not.toContain(secret);
  });

  it('replaces the URL-encoded form of a known secret', () => {
    const redactor = new Redactor(['a/b+c=d?e']);
    expect(redactor.text(`?x=${encodeURIComponent('a/b+c=d?e')}`)).toBe(`?x=${REDACTED}`);
  });

  it('ignores empty and missing secrets, and redacts very short ones only as whole words', () => {
    const redactor = new Redactor(['', undefined, null, 'abc', 'abcde']);
    expect(redactor.text('abc abcde abcdef xabc')).toBe(`${REDACTED} ${REDACTED} abcdef xabc`);
    expect(new Redactor(['', undefined, null]).text('a b')).toBe('a b');
  });

  it('redacts secrets added later', () => {
    const redactor = new Redactor();
    expect(redactor.text('company-token-1234')).toBe('company-token-1234');
    redactor.add('company-token-1234');
    expect(redactor.text('company-token-1234')).toBe(REDACTED);
  });

  it('removes a secret whole even when another secret is part of it', () => {
    const redactor = new Redactor(['abcdef12', 'abcdef1234567890']);
    expect(redactor.text('x abcdef1234567890 y')).toBe(`x ${REDACTED} y`);
    expect(new Redactor(['abcdef1234567890', 'abcdef12']).text('abcdef1234567890')).toBe(REDACTED);
  });

  it('knows the bare credential of a registered `Scheme credential` header value', () => {
    const redactor = new Redactor([`Bearer ${HEADER_TOKEN}`]);
    expect(redactor.text(`token was ${HEADER_TOKEN}`)).toBe(`token was ${REDACTED}`);
    expect(redactor.text(`Bearer ${HEADER_TOKEN}`)).not.toContain(HEADER_TOKEN);
  });

  it.each([
    ['Authorization: Bearer eyJhbGciOi.J9x_y-z', 'Authorization: Bearer [REDACTED]'],
    ['OAuth ya29.a0Af-_~+/x==', 'OAuth [REDACTED]'],
    ['Basic dXNlcjpwYXNzd29yZA==', 'Basic [REDACTED]'],
    ['Token abc123def', 'Token [REDACTED]'],
  ])('redacts the scheme credential in %j', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it.each([
    ['GET /x?token=abc123&max=10', 'GET /x?token=[REDACTED]&max=10'],
    ['GET /x?max=10&access_token=abc123', 'GET /x?max=10&access_token=[REDACTED]'],
    ['see api_key=abc123 here', 'see api_key=[REDACTED] here'],
    ['"client_secret=abc123"', '"client_secret=[REDACTED]"'],
    ['/cb?CODE=abc123#frag', '/cb?CODE=[REDACTED]#frag'],
  ])('redacts secret parameters in %j', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it.each([
    [`https://svc:${USERINFO_SECRET}@backend.internal/api`, `https://${REDACTED}@backend.internal/api`],
    [`proxy http://admin:${USERINFO_SECRET}@10.0.0.1:3128 refused`, `proxy http://${REDACTED}@10.0.0.1:3128 refused`],
    [`ftp://${USERINFO_SECRET}@files.example.test/`, `ftp://${REDACTED}@files.example.test/`],
  ])('redacts the user-info of a URL in free text: %j', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const redactor = new Redactor(['s3cr3t-value']);
    for (const text of [
      'Room not found',
      'The requested resource could not be found.',
      'mail admin@example.test or see https://example.test/a@b',
      'https://example.test/path?max=10&before&after=Y2lz',
      '{"items":[]}',
    ]) {
      expect(redactor.text(text)).toBe(text);
    }
  });
});

describe('Redactor.url', () => {
  it('redacts every secret query parameter, keeping the rest', () => {
    for (const name of SECRET_QUERY_PARAMS) {
      expect(new Redactor().url(`https://h.test/p?max=10&${name}=abc123`)).toBe(`https://h.test/p?max=10&${name}=${REDACTED}`);
    }
  });

  it('matches parameter names case-insensitively', () => {
    expect(new Redactor().url('https://h.test/p?Access_Token=abc123')).toBe(`https://h.test/p?Access_Token=${REDACTED}`);
  });

  it('redacts user-info', () => {
    const out = new Redactor().url(`https://svc:${USERINFO_SECRET}@h.test/p`);
    expect(out).not.toContain(USERINFO_SECRET);
    expect(out).not.toContain('svc');
    expect(out).toContain('@h.test/p');
  });

  it('redacts a known secret anywhere in the URL, including the path', () => {
    const redactor = new Redactor(['company-uuid-1234']);
    expect(redactor.url('https://h.test/status/company-uuid-1234/x')).toBe(`https://h.test/status/${REDACTED}/x`);
  });

  it('redacts a known secret that URL serialisation re-encodes, under any parameter name, in the path or fragment', () => {
    for (const secret of ["abc'defgh", 'abc def+ghi', 'päss wörd!', 'abc~!*()xyz']) {
      const redactor = new Redactor([secret]);
      const encoded = encodeURIComponent(secret);
      for (const url of [`https://h.test/p?x=${encoded}&token=abc`, `https://h.test/p?x=${encoded}`, `https://h.test/a/${encoded}/b`, `https://h.test/p#${encoded}`]) {
        const out = redactor.url(url);
        expect(out).toContain(REDACTED);
        expect(decodeURIComponent(out.replaceAll('+', ' '))).not.toContain(secret);
      }
    }
  });

  it('accepts a URL object', () => {
    expect(new Redactor().url(new URL('https://h.test/p?token=abc123'))).toBe(`https://h.test/p?token=${REDACTED}`);
  });

  it('falls back to text redaction for something that is not a URL', () => {
    expect(new Redactor(['abcdef123']).url('/relative?token=abc123&x=abcdef123')).toBe(`/relative?token=${REDACTED}&x=${REDACTED}`);
  });

  it('leaves a URL without secrets untouched, valueless parameters included', () => {
    const url = 'https://webexapis.com/v1/people?displayName=Harold&max=10&before&after=Y2lz';
    expect(new Redactor().url(url)).toBe(url);
  });
});

describe('Redactor.headers', () => {
  it('replaces every credential header and lower-cases names', () => {
    const input: Record<string, string> = {};
    for (const name of SECRET_HEADERS) input[name.toUpperCase()] = 'value-123';
    input['X-Other'] = 'plain';
    const out = new Redactor().headers(input);
    for (const name of SECRET_HEADERS) expect(out[name]).toBe(REDACTED);
    expect(out['x-other']).toBe('plain');
    expect(Object.keys(out).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('removes known secrets and credential shapes from other headers', () => {
    const out = new Redactor(['s3cr3t-value']).headers(
      new Headers({ 'x-echo': 'got s3cr3t-value', link: '<https://h.test/p?token=abc123&page=2>; rel="next"' }),
    );
    expect(out).toEqual({ 'x-echo': `got ${REDACTED}`, link: `<https://h.test/p?token=${REDACTED}&page=2>; rel="next"` });
  });

  it('is an empty record for no headers', () => {
    expect(new Redactor().headers(undefined)).toEqual({});
  });
});
