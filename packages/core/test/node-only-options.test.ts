/** The Node transport's options are refused where they would be silently ignored: over a fetch. */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, createTransport } from '../src/index.js';
import { createTransport as createNodeTransport } from '../src/node.js';

const fetch = async () => new Response('{}');

describe('proxy, ca, cert, key, connections, connectTimeoutMs', () => {
  it.each([
    { proxy: 'http://proxy.corp:3128' },
    { ca: '-----BEGIN CERTIFICATE-----' },
    { cert: 'c', key: 'k' },
    { connections: 4 },
    { connectTimeoutMs: 1000 },
  ])('%o with a custom fetch is a ConfigurationError, in Node too', (options) => {
    expect(() => createNodeTransport({ fetch, ...options })).toThrow(ConfigurationError);
    expect(() => createNodeTransport({ fetch, ...options })).toThrow(/configure it instead/);
  });

  it('outside Node (the portable entry) they are a ConfigurationError too', () => {
    expect(() => createTransport({ proxy: 'http://proxy.corp:3128' })).toThrow(/need Node/);
  });

  it('proxy: false is accepted everywhere (there is nothing to ignore)', () => {
    expect(() => createTransport({ proxy: false })).not.toThrow();
    expect(() => createNodeTransport({ fetch, proxy: false })).not.toThrow();
  });

  it('a custom fetch is used alone, and close() over it does nothing', async () => {
    let calls = 0;
    const transport = createNodeTransport({ fetch: async () => (calls++, new Response('{"a":1}')) });
    await transport.exchange({ method: 'GET', url: 'https://api.example.test/x' });
    await transport.close();
    await transport.exchange({ method: 'GET', url: 'https://api.example.test/x' });
    expect(calls).toBe(2);
  });
});
