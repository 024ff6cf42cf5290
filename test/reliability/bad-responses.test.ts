/**
 * Property 4, bad responses get a clear error: a 2xx body that is malformed, truncated, empty, HTML or plain text
 * is the core's InvalidResponseError carrying the raw text, never a bare SyntaxError or TypeError; an error
 * status is an ApiError carrying its raw body. Gzip bodies are decoded, huge ones read whole, corrupt ones are a
 * ConnectionError.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, InvalidResponseError } from '@apiclients/core';
import { reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS, type VendorSetup } from './support/vendors.js';

const server = useFaultServer();
const HTML = '<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>';
const BAD_2XX: [string, string, Record<string, string>][] = [
  ['malformed JSON', '{"id": "p1",, }', { 'content-type': 'application/json' }],
  ['truncated JSON', '{"id": "p1", "items": [1, 2', { 'content-type': 'application/json' }],
  ['an empty body labelled JSON', '', { 'content-type': 'application/json' }],
  ['an empty body with no content type', '', {}],
  ['an HTML page', HTML, { 'content-type': 'text/html; charset=utf-8' }],
  ['plain text', 'OK', { 'content-type': 'text/plain' }],
];
const callsOf = (vendor: VendorSetup) => [vendor.get, ...vendor.calls.filter((c) => c !== vendor.get)];

describe.each(VENDORS)('$name', (vendor) => {
  describe.each(callsOf(vendor))('$name', (call) => {
    it.each(BAD_2XX)('a 200 with %s is an InvalidResponseError with the raw text', async (_, body, headers) => {
      server().fallback = () => reply.raw(200, body, headers);
      const error = await outcomeOf(call.run(server().url, { maxRetries: 0 }));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).status).toBe(200);
      expect((error as InvalidResponseError & { body: unknown }).body).toBe(body);
      expect(server().requests).toHaveLength(1);
    });
  });

  it.each([
    [502, HTML, 'text/html'],
    [400, 'Bad Request: roomId', 'text/plain'],
    [500, '{"message": "oops",', 'application/json'],
  ])('a %i with a body that is not JSON is an ApiError carrying the raw text', async (status, body, contentType) => {
    server().fallback = () => reply.raw(status, body, { 'content-type': contentType });
    const error = await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).body).toBe(body);
  });

  it('a gzip-encoded body is decoded', async () => {
    server().fallback = () => reply.gzipJson({ id: 'p1', data: { id: 1 }, co: {} });
    expect(await outcomeOf(vendor.get.run(server().url))).not.toBeInstanceOf(Error);
  });

  it('a corrupt gzip body is a ConnectionError after the retries', async () => {
    server().fallback = () => reply.raw(200, 'not gzip at all', { 'content-encoding': 'gzip', 'content-type': 'application/json' });
    expect(await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }))).toBeInstanceOf(ConnectionError);
  });

  it('a huge body (16 MB) is read whole', async () => {
    server().fallback = () => reply.huge(16 * 1024 * 1024);
    const result = await outcomeOf(vendor.get.run(server().url));
    // VSS's get reads into its answer: a (huge) list, read whole and parsed, is not the request it promised.
    if (vendor.name === 'vss') expect((result as Error).message).toMatch(/expected an object, got a list/);
    else expect(result).not.toBeInstanceOf(Error);
  });
});
