/** Every failure is an ApiClientError; an HTTP error carries its status class, parsed body, request id and headers. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  ApiClientError,
  ApiError,
  apiErrorClassFor,
  apiErrorFromResponse,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  createTransport,
  DEFAULT_ERROR_SHAPE,
  defaultMessageOf,
  InternalServerError,
  NotFoundError,
  PaginationError,
  parseBody,
  PermissionDeniedError,
  RateLimitError,
  Redactor,
  RequestAbortedError,
  TimeoutError,
  UnprocessableEntityError,
  vendorErrors,
  type ApiErrorClass,
  type TransportOptions,
} from '../src/internal.js';
import { fakeFetch, recordedSleep, rejectionOf, reply, type Reply } from './support/fake-fetch.js';

const ENDPOINT = 'https://api.example.test/v1/rooms/42';

/** The error a single failed GET produces (no retries). */
async function errorFor(replyWith: Reply, options: TransportOptions = {}, method = 'GET'): Promise<ApiError> {
  const fake = fakeFetch(replyWith);
  const transport = createTransport({ fetch: fake.fetch, maxRetries: 0, sleep: recordedSleep().sleep, ...options });
  const error = await rejectionOf(transport(new Request(ENDPOINT, { method })));
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const classes: [number, ApiErrorClass, string][] = [
  [400, BadRequestError, 'BadRequestError'],
  [401, AuthenticationError, 'AuthenticationError'],
  [403, PermissionDeniedError, 'PermissionDeniedError'],
  [404, NotFoundError, 'NotFoundError'],
  [409, ConflictError, 'ConflictError'],
  [422, UnprocessableEntityError, 'UnprocessableEntityError'],
  [429, RateLimitError, 'RateLimitError'],
  [500, InternalServerError, 'InternalServerError'],
  [502, InternalServerError, 'InternalServerError'],
  [503, InternalServerError, 'InternalServerError'],
  [599, InternalServerError, 'InternalServerError'],
  [405, ApiError, 'ApiError'],
  [418, ApiError, 'ApiError'],
  [451, ApiError, 'ApiError'],
  [304, ApiError, 'ApiError'],
];

describe('status → error class', () => {
  it.each(classes)('apiErrorClassFor(%d) is %O', (status, ErrorClass) => {
    expect(apiErrorClassFor(status)).toBe(ErrorClass);
  });

  it.each(classes)('the transport throws for %d a %O named %s', async (status, ErrorClass, name) => {
    const error = await errorFor(reply(status, status === 304 ? undefined : { message: 'nope' }), { waitOnRateLimit: false });
    expect(error.constructor).toBe(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(String(error)).toMatch(new RegExp(`^${name}: ${status}`));
  });

  it('a vendor’s extra rate-limit status maps to RateLimitError', () => {
    expect(apiErrorClassFor(420, [420, 429])).toBe(RateLimitError);
    expect(apiErrorClassFor(420)).toBe(ApiError);
    expect(apiErrorClassFor(429, [420])).toBe(ApiError);
  });

  it('a vendor may supply its own classes through errorShape.classFor', async () => {
    class RoomGoneError extends NotFoundError {
      override name = 'RoomGoneError';
    }
    const classFor = (status: number) => (status === 404 ? RoomGoneError : apiErrorClassFor(status));
    const error = await errorFor(reply(404), { errorShape: { classFor } });
    expect(error).toBeInstanceOf(RoomGoneError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.name).toBe('RoomGoneError');
  });
});

describe('every error is an ApiClientError', () => {
  const request = { method: 'GET', url: ENDPOINT };
  it.each([
    ['ConfigurationError', new ConfigurationError('bad option'), ApiClientError],
    ['PaginationError', new PaginationError('loop'), ApiClientError],
    ['ConnectionError', new ConnectionError('down', request), ApiClientError],
    ['TimeoutError', new TimeoutError(request, 10), ConnectionError],
    ['AbortError', new RequestAbortedError(request, 'why'), ApiClientError],
  ] as const)('%s', (name, error, parent) => {
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toBeInstanceOf(parent);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error).startsWith(`${name}: `)).toBe(true);
  });

  it('TimeoutError and RequestAbortedError describe the request', () => {
    expect(new TimeoutError(request, 250).message).toBe(`Request timed out after 250 ms: GET ${ENDPOINT}`);
    const aborted = new RequestAbortedError(request, 'user');
    expect(aborted.message).toBe(`Request aborted: GET ${ENDPOINT}`);
    expect(aborted.cause).toBe('user');
    expect(aborted).toMatchObject({ method: 'GET', url: ENDPOINT });
  });

  it('ConnectionError keeps its cause only when there is one', () => {
    expect('cause' in new ConnectionError('x', request)).toBe(false);
    const cause = new Error('ECONNRESET');
    expect(new ConnectionError('x', request, { cause }).cause).toBe(cause);
  });
});

describe('error bodies', () => {
  it('a JSON body is parsed, and the vendor’s message leads `.message`', async () => {
    const error = await errorFor(reply(404, { message: 'The requested resource could not be found.', trackingId: 'ROUTER_5F3A' }));
    expect(error.body).toEqual({ message: 'The requested resource could not be found.', trackingId: 'ROUTER_5F3A' });
    expect(error.message).toBe(`404 The requested resource could not be found.: GET ${ENDPOINT}`);
  });

  it('a JSON body without a JSON content type is still parsed', async () => {
    const error = await errorFor(reply(400, '{"error":"invalid_grant"}', { 'content-type': 'text/plain' }));
    expect(error.body).toEqual({ error: 'invalid_grant' });
    expect(error.message).toContain('invalid_grant');
  });

  it('an empty body is the empty string, and the status text stands in for the message', async () => {
    const error = await errorFor(() => new Response(null, { status: 503, statusText: 'Service Unavailable' }));
    expect(error.body).toBe('');
    expect(error.message).toBe(`503 Service Unavailable: GET ${ENDPOINT}`);
  });

  it('an empty body with a JSON content type is the empty string too', async () => {
    const error = await errorFor(reply(500, '', { 'content-type': 'application/json' }));
    expect(error.body).toBe('');
  });

  it('an empty body and no status text: just the status', async () => {
    const error = await errorFor(reply(500));
    expect(error.message).toBe(`500: GET ${ENDPOINT}`);
  });

  it('an HTML error page is kept as raw text', async () => {
    const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const error = await errorFor(() => new Response(html, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(html);
    expect(error.message).toBe(`502 Bad Gateway: GET ${ENDPOINT}`);
  });

  it('plain text is kept as raw text', async () => {
    const error = await errorFor(reply(403, 'Forbidden: token lacks scope spark:rooms_read', { 'content-type': 'text/plain' }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.body).toBe('Forbidden: token lacks scope spark:rooms_read');
  });

  it('malformed JSON under a JSON content type is kept as raw text', async () => {
    const error = await errorFor(reply(500, '{"message": "truncated', { 'content-type': 'application/json' }));
    expect(error.body).toBe('{"message": "truncated');
  });

  it('records status, statusText, method and url', async () => {
    const error = await errorFor(() => new Response('{}', { status: 409, statusText: 'Conflict' }), {}, 'DELETE');
    expect(error).toMatchObject({ status: 409, method: 'DELETE', url: ENDPOINT });
  });
});

describe('request ids', () => {
  it('come from x-request-id', async () => {
    const error = await errorFor(reply(500, '', { 'x-request-id': 'req_123' }));
    expect(error.requestId).toBe('req_123');
  });

  it('come from the other known headers', async () => {
    expect((await errorFor(reply(500, '', { 'request-id': 'r-2' }))).requestId).toBe('r-2');
    expect((await errorFor(reply(500, '', { 'x-amzn-RequestId': 'amzn-3' }))).requestId).toBe('amzn-3');
  });

  it('come from a JSON body’s trackingId (Webex)', async () => {
    const error = await errorFor(reply(404, { message: 'Not found', trackingId: 'ROUTER_5F3A-1234' }));
    expect(error.requestId).toBe('ROUTER_5F3A-1234');
  });

  it('prefer the header over the body', async () => {
    const error = await errorFor(reply(404, { trackingId: 'from-body' }, { 'x-request-id': 'from-header' }));
    expect(error.requestId).toBe('from-header');
  });

  it('are undefined when there is none, or when trackingId is not a string', async () => {
    expect((await errorFor(reply(500))).requestId).toBeUndefined();
    expect((await errorFor(reply(500, { trackingId: 42 }))).requestId).toBeUndefined();
  });

  it('follow the vendor’s errorShape.requestIdHeaders', async () => {
    const error = await errorFor(reply(500, '', { 'x-vendor-trace': 'vt-9', 'x-request-id': 'ignored' }), {
      errorShape: { requestIdHeaders: ['x-vendor-trace'] },
    });
    expect(error.requestId).toBe('vt-9');
  });
});

describe('headers and Retry-After on the error', () => {
  it('records response headers with lower-case names', async () => {
    const error = await errorFor(reply(500, '', { 'X-Custom-Header': 'Value', 'Content-Type': 'text/plain' }));
    expect(error.headers).toMatchObject({ 'x-custom-header': 'Value', 'content-type': 'text/plain' });
    for (const name of Object.keys(error.headers)) expect(name).toBe(name.toLowerCase());
  });

  it('records the Retry-After of a 503 that was not retried (POST)', async () => {
    const error = await errorFor(reply(503, '', { 'retry-after': '30' }), { maxRetries: 2 }, 'POST');
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('records the Retry-After of a client error', async () => {
    const error = await errorFor(reply(403, '', { 'retry-after': '5' }), { maxRetries: 2 });
    expect(error.retryAfterMs).toBe(5000);
  });

  it('leaves retryAfterMs undefined when the server said nothing', async () => {
    expect((await errorFor(reply(404))).retryAfterMs).toBeUndefined();
  });
});

describe('defaultMessageOf', () => {
  it.each([
    [{ message: 'm' }, 'm'],
    [{ error_description: 'Invalid code' }, 'Invalid code'],
    [{ error: 'invalid_request' }, 'invalid_request'],
    [{ error: 'e', error_description: 'd' }, 'd'],
    [{ errors: ['first', 'second'] }, 'first'],
    [{ errors: [{ description: 'Webex detail' }] }, 'Webex detail'],
    [{ errors: [{ message: 'GitHub-ish detail' }] }, 'GitHub-ish detail'],
    [{ message: '', error: 'fallback' }, 'fallback'],
  ])('%j → %s', (body, expected) => {
    expect(defaultMessageOf(body)).toBe(expected);
  });

  it.each([null, undefined, 'text', 42, [], {}, { message: 7 }, { errors: [] }, { error: { code: 1 } }])('%j → undefined', (body) => {
    expect(defaultMessageOf(body)).toBeUndefined();
  });

  it('a vendor may supply its own errorShape.messageOf', async () => {
    const error = await errorFor(reply(400, { detail: { text: 'Folder is read-only' } }), {
      errorShape: { messageOf: (body) => ((body as { detail?: { text?: string } }).detail?.text) },
    });
    expect(error.message).toBe(`400 Folder is read-only: GET ${ENDPOINT}`);
  });

  it('a vendor’s errorShape.hintFor adds what its documentation says to the message, given the redacted answer', async () => {
    const seen: unknown[] = [];
    const hintFor = (answer: { status: number; method: string; url: string; body: unknown }) => {
      seen.push(answer);
      return answer.status === 403 ? 'bots must ask with mentionedPeople' : undefined;
    };
    const credential = { in: 'query' as const, name: 'token', value: 'hint_secret_token' };
    const forbidden = await errorFor(reply(403, { message: 'Failed to get activity.' }), { errorShape: { hintFor }, credential });
    expect(forbidden.message).toBe(`403 Failed to get activity.: GET ${ENDPOINT}?token=[REDACTED] (bots must ask with mentionedPeople)`);
    expect(seen[0]).toEqual({ status: 403, method: 'GET', url: `${ENDPOINT}?token=[REDACTED]`, body: { message: 'Failed to get activity.' } });
    const missing = await errorFor(reply(404, { message: 'gone' }), { errorShape: { hintFor } });
    expect(missing.message).toBe(`404 gone: GET ${ENDPOINT}`);
  });
});

describe('parseBody', () => {
  it('parses JSON by content type or by shape', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('[1,2]', null)).toEqual([1, 2]);
    expect(parseBody('  {"a":1}', 'text/plain')).toEqual({ a: 1 });
    expect(parseBody('"quoted"', 'application/problem+json')).toBe('quoted');
  });

  it('keeps anything else as text', () => {
    expect(parseBody('', 'application/json')).toBe('');
    expect(parseBody('   ', 'application/json')).toBe('   ');
    expect(parseBody('42', 'text/plain')).toBe('42');
    expect(parseBody('{broken', 'application/json')).toBe('{broken');
    expect(parseBody('<html/>', 'text/html')).toBe('<html/>');
  });
});

describe('apiErrorFromResponse', () => {
  it('builds the same error the transport throws, from an already-read body', () => {
    const response = new Response(null, { status: 422, statusText: 'Unprocessable', headers: { 'x-request-id': 'abc' } });
    const error = apiErrorFromResponse(
      response,
      '{"errors":[{"description":"title is required"}]}',
      { method: 'POST', url: ENDPOINT },
      new Redactor(),
      DEFAULT_ERROR_SHAPE,
      1500,
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      method: 'POST',
      url: ENDPOINT,
      requestId: 'abc',
      retryAfterMs: 1500,
      body: { errors: [{ description: 'title is required' }] },
      message: `422 title is required: POST ${ENDPOINT}`,
    });
  });
});

describe('toJSON', () => {
  it('is a plain object with the name, message and every field', async () => {
    const error = await errorFor(reply(404, { message: 'gone' }, { 'x-request-id': 'rid' }));
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'NotFoundError',
      message: `404 gone: GET ${ENDPOINT}`,
      status: 404,
      method: 'GET',
      url: ENDPOINT,
      headers: { 'content-type': 'application/json', 'x-request-id': 'rid' },
      body: { message: 'gone' },
      requestId: 'rid',
    });
  });

  it('works for errors without a response', () => {
    expect(JSON.parse(JSON.stringify(new TimeoutError({ method: 'GET', url: ENDPOINT }, 5)))).toEqual({
      name: 'TimeoutError',
      message: `Request timed out after 5 ms: GET ${ENDPOINT}`,
      method: 'GET',
      url: ENDPOINT,
      timeoutMs: 5,
    });
  });
});

describe("a vendor's error classes", () => {
  it("are named as the core's classes, so printing an error names its class", () => {
    const errors = vendorErrors('example', { rateLimitStatuses: [420] });
    for (const [status, name] of [[404, 'NotFoundError'], [420, 'RateLimitError'], [503, 'InternalServerError'], [418, 'ApiError']] as const) {
      const VendorClass = errors.classFor(status);
      const error = new VendorClass({ status, statusText: '', method: 'GET', url: ENDPOINT, headers: {}, body: '', requestId: undefined, vendorMessage: undefined, retryAfterMs: undefined });
      expect(VendorClass.name).toBe(name);
      expect(error.constructor.name).toBe(name);
      expect(inspect(error).split(':')[0]).toBe(name);
    }
  });
});
