/** createFetchClient (every vendor's `.raw`): a success body that is not JSON is an InvalidResponseError, not a bare SyntaxError. */
import { describe, expect, it } from 'vitest';
import { createFetchClient, createTransport, InvalidResponseError } from '../src/internal.js';
import { fakeFetch, rejectionOf, reply } from './support/fake-fetch.js';

type Paths = {
  '/things/{id}': {
    get: { parameters: { path: { id: string } }; responses: { 200: { content: { 'application/json': { id: string } } } } };
    put: { parameters: { path: { id: string } }; requestBody: { content: { 'application/json': { name: string } } }; responses: { 200: { content: { 'application/json': { id: string } } } } };
  };
};
const TOKEN = 'raw-client-token-123456';

describe('the raw openapi-fetch client on the transport', () => {
  it('answers JSON as openapi-fetch does', async () => {
    const fake = fakeFetch(reply(200, { id: 'a' }));
    const client = createFetchClient<Paths>('https://api.test', createTransport({ fetch: fake.fetch }));
    const { data } = await client.GET('/things/{id}', { params: { path: { id: 'a' } } });
    expect(data).toEqual({ id: 'a' });
  });

  it.each(['GET', 'PUT', 'request'] as const)('%s: a 200 whose body is not JSON is an InvalidResponseError with the redacted text', async (how) => {
    const fake = fakeFetch(reply(200, `<html>token ${TOKEN}</html>`, { 'content-type': 'application/json' }));
    const transport = createTransport({ fetch: fake.fetch, credential: { in: 'header', name: 'authorization', value: `Bearer ${TOKEN}` } });
    const client = createFetchClient<Paths>('https://api.test', transport);
    const params = { params: { path: { id: 'a' } } };
    const call =
      how === 'GET' ? client.GET('/things/{id}', params)
      : how === 'PUT' ? client.PUT('/things/{id}', { ...params, body: { name: 'x' } })
      : client.request('get', '/things/{id}', params);
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, body: '<html>token [REDACTED]</html>' });
    expect((error as Error).message).toBe(`The 200 response of ${how === 'PUT' ? 'PUT' : 'GET'} /things/{id} is not valid JSON`);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('keeps a per-call fetch working', async () => {
    const fake = fakeFetch(reply(200, { id: 'b' }));
    const client = createFetchClient<Paths>('https://api.test', createTransport({ fetch: fake.fetch }));
    const seen: string[] = [];
    const transport = createTransport({ fetch: fake.fetch });
    const { data } = await client.GET('/things/{id}', {
      params: { path: { id: 'b' } },
      fetch: (request: Request) => (seen.push(request.url), transport(request)),
    });
    expect(data).toEqual({ id: 'b' });
    expect(seen).toEqual(['https://api.test/things/b']);
  });
});
