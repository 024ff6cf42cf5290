/**
 * The log: `APICLIENTS_LOG` and `logLevel` choose what reaches the logger (standard error when none is given);
 * one line per attempt with method, redacted URL, status, duration, attempt, retry reason and request id; bodies
 * only at debug, their secret fields replaced and cut short.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, createTransport, Redactor, transportOptionsFrom, type Credential, type LogLevel, type Logger } from '../src/internal.js';
import { redactedBody } from '../src/log/attempt-log.js';
import { fakeFetch, recordedSleep, reply } from './support/fake-fetch.js';

const TOKEN = 'tok_logged_9a8b7c6d5e';
const credential: Credential = { in: 'header', name: 'authorization', value: `Bearer ${TOKEN}` };
const URL_ = 'https://api.test/v1/things?max=2';

function recorded() {
  const lines: { level: string; line: string }[] = [];
  const logger: Required<Logger> = {
    debug: (line) => void lines.push({ level: 'debug', line }),
    info: (line) => void lines.push({ level: 'info', line }),
    warn: (line) => void lines.push({ level: 'warn', line }),
  };
  return { lines, logger };
}

/** Two attempts (a 503, then a 200 with a request id), logged at `level` through the client options. */
async function twoAttempts(options: { logLevel?: LogLevel; logger?: Logger }) {
  const fake = fakeFetch(reply(503, { message: 'busy' }), reply(200, { id: 't1', access_token: 'issued-secret-0042' }, { 'x-request-id': 'req-77' }));
  const redactor = new Redactor([TOKEN]);
  const transport = createTransport({
    ...transportOptionsFrom({ fetch: fake.fetch, ...options }, { credential, redactor }),
    sleep: recordedSleep().sleep,
    random: () => 0,
    now: () => 1_000,
  });
  await transport.exchange({ method: 'POST', url: URL_, body: JSON.stringify({ name: 'n', password: 'hunter2-secret' }) }, { idempotent: true });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('log levels', () => {
  it('info: one line per attempt with status, duration, attempt, retry reason and request id; the failure at warn', async () => {
    const { lines, logger } = recorded();
    await twoAttempts({ logger, logLevel: 'info' });
    expect(lines).toEqual([
      { level: 'warn', line: `← 503 POST ${URL_} (0 ms, attempt 1); retrying in 500 ms` },
      { level: 'info', line: `← 200 POST ${URL_} (0 ms, attempt 2, after 503, request id req-77)` },
    ]);
  });

  it('warn: only the failed attempt', async () => {
    const { lines, logger } = recorded();
    await twoAttempts({ logger, logLevel: 'warn' });
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('off: nothing, even with a logger', async () => {
    const { lines, logger } = recorded();
    await twoAttempts({ logger, logLevel: 'off' });
    expect(lines).toEqual([]);
  });

  it('debug: each request as it leaves, and both bodies, their secret fields replaced', async () => {
    const { lines, logger } = recorded();
    await twoAttempts({ logger, logLevel: 'debug' });
    expect(lines.map((l) => l.level)).toEqual(['debug', 'warn', 'debug', 'debug']);
    expect(lines[0]?.line).toBe(`→ POST ${URL_} {"name":"n","password":"[REDACTED]"}`);
    expect(lines[1]?.line).toBe(`← 503 POST ${URL_} (0 ms, attempt 1); retrying in 500 ms {"message":"busy"}`);
    expect(lines[3]?.line).toBe(`← 200 POST ${URL_} (0 ms, attempt 2, after 503, request id req-77) {"id":"t1","access_token":"[REDACTED]"}`);
    for (const { line } of lines) for (const secret of [TOKEN, 'hunter2-secret', 'issued-secret-0042']) expect(line).not.toContain(secret);
  });

  it('a logger and no level: debug, as before', async () => {
    const { lines, logger } = recorded();
    await twoAttempts({ logger });
    expect(lines).toHaveLength(4);
  });

  it('APICLIENTS_LOG sets the level; the option wins over it', async () => {
    vi.stubEnv('APICLIENTS_LOG', 'warn');
    const { lines, logger } = recorded();
    await twoAttempts({ logger });
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    const again = recorded();
    await twoAttempts({ logger: again.logger, logLevel: 'info' });
    expect(again.lines).toHaveLength(2);
  });

  it('APICLIENTS_LOG without a logger writes to standard error, prefixed', async () => {
    vi.stubEnv('APICLIENTS_LOG', 'INFO');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void written.push(line));
    await twoAttempts({});
    expect(written).toEqual([`[apiclients] ← 503 POST ${URL_} (0 ms, attempt 1); retrying in 500 ms`, `[apiclients] ← 200 POST ${URL_} (0 ms, attempt 2, after 503, request id req-77)`]);
  });

  it('no logger, no level, no APICLIENTS_LOG: nothing is written', async () => {
    const error = vi.spyOn(console, 'error');
    await twoAttempts({});
    expect(error).not.toHaveBeenCalled();
  });

  it('a logger without info gets the info lines on debug', async () => {
    const lines: string[] = [];
    await twoAttempts({ logger: { debug: (l) => void lines.push(`d ${l}`), warn: (l) => void lines.push(`w ${l}`) }, logLevel: 'info' });
    expect(lines.map((l) => l.slice(0, 1))).toEqual(['w', 'd']);
  });

  it('an unknown APICLIENTS_LOG is ignored with a warning; an unknown logLevel option is a ConfigurationError', () => {
    vi.stubEnv('APICLIENTS_LOG', 'verbose');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void written.push(line));
    expect(transportOptionsFrom({}, { credential, redactor: new Redactor() }).logLevel).toBeUndefined();
    expect(written[0]).toMatch(/APICLIENTS_LOG="verbose" is not one of debug, info, warn, off; ignored/);
    expect(() => transportOptionsFrom({ logLevel: 'loud' as LogLevel }, { credential, redactor: new Redactor() })).toThrow(ConfigurationError);
  });

  it('a failed connection is one line with what failed', async () => {
    const { lines, logger } = recorded();
    const fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    };
    const transport = createTransport({ fetch, logger, logLevel: 'info', maxRetries: 0 });
    await transport.exchange({ method: 'GET', url: 'https://api.test/x' }).catch(() => {});
    expect(lines).toEqual([{ level: 'warn', line: expect.stringMatching(/^✗ GET https:\/\/api\.test\/x: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:9\) \(\d+ ms, attempt 1\)$/) }]);
  });
});

describe('bodies in debug lines', () => {
  const redactor = new Redactor([TOKEN]);

  it('replaces secret fields of JSON at any depth, and of a form', () => {
    expect(redactedBody(JSON.stringify({ a: { client_secret: 'x1', uuid: 'company-token', items: [{ refresh_token: 'r' }] } }), redactor)).toBe(
      '{"a":{"client_secret":"[REDACTED]","uuid":"[REDACTED]","items":[{"refresh_token":"[REDACTED]"}]}}',
    );
    expect(redactedBody('client_secret=abc123456&code=xyz987654&grant_type=authorization_code', redactor)).toBe(
      'client_secret=[REDACTED]&code=[REDACTED]&grant_type=authorization_code',
    );
  });

  it('shows bytes that are not text by their size', async () => {
    const { lines, logger } = recorded();
    const transport = createTransport({ fetch: fakeFetch(reply(200, {})).fetch, logger, logLevel: 'debug' });
    await transport.exchange({ method: 'POST', url: 'https://api.test/upload', body: new Uint8Array([0x25, 0x50, 0x00, 0xff, 0xfe]) });
    expect(lines[0]?.line).toBe('→ POST https://api.test/upload <5 bytes>');
  });

  it('removes known secrets and credential shapes from text, and cuts a long body short', () => {
    expect(redactedBody(`echo: Bearer ${TOKEN}`, redactor)).toBe('echo: Bearer [REDACTED]');
    const long = redactedBody('x'.repeat(5_000), redactor);
    expect(long).toBe(`${'x'.repeat(1_000)}… (4000 more characters)`);
  });
});
