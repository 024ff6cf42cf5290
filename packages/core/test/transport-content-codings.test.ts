/**
 * Compressed responses over real sockets: both senders ask for compression as fetch does and hand back the decoded
 * bytes (gzip, deflate, br, stacked codings); an unknown coding is left as it came; a corrupt body is a
 * ConnectionError (retried for a GET, like a dropped connection).
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../src/index.js';
import { recordedSleep, rejectionOf } from './support/fake-fetch.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';
import { SENDERS } from './support/senders.js';

const JSON_TEXT = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })) });
const ENCODED: [string, (text: string) => Buffer][] = [
  ['gzip', (t) => gzipSync(t)],
  ['x-gzip', (t) => gzipSync(t)],
  ['deflate', (t) => deflateSync(t)],
  ['br', (t) => brotliCompressSync(t)],
  ['gzip, br', (t) => brotliCompressSync(gzipSync(t))],
];

describe.each(SENDERS)('over $name', ({ createTransport }) => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(ENCODED)('Content-Encoding: %s is decoded', async (coding, encode) => {
    const seen: (string | undefined)[] = [];
    server = await startLocalServer((request, response) => {
      seen.push(request.headers['accept-encoding']);
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding }).end(encode(JSON_TEXT));
    });
    const { bytes } = await createTransport().exchange({ method: 'GET', url: `${server.url}/x` });
    expect(new TextDecoder().decode(bytes)).toBe(JSON_TEXT);
    expect(seen).toEqual(['gzip, deflate']);
  });

  it('a coding it does not know leaves the body as it came', async () => {
    server = await startLocalServer((_request, response) => response.writeHead(200, { 'content-encoding': 'x-custom' }).end('as sent'));
    const { bytes } = await createTransport().exchange({ method: 'GET', url: `${server.url}/x` });
    expect(new TextDecoder().decode(bytes)).toBe('as sent');
  });

  it('an accept-encoding the request sets is kept', async () => {
    const seen: (string | undefined)[] = [];
    server = await startLocalServer((request, response) => {
      seen.push(request.headers['accept-encoding']);
      response.end('plain');
    });
    await createTransport().exchange({ method: 'GET', url: `${server.url}/x`, headers: { 'accept-encoding': 'identity' } });
    expect(seen).toEqual(['identity']);
  });

  it('a corrupt gzip body is a ConnectionError, after the retries of a GET', async () => {
    server = await startLocalServer((_request, response) => response.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'));
    const { delays, sleep } = recordedSleep();
    const error = await rejectionOf(createTransport({ sleep, maxRetries: 1 }).exchange({ method: 'GET', url: `${server.url}/x` }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toBe(2);
    expect(delays).toHaveLength(1);
  });
});
