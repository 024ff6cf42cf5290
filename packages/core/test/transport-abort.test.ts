/** The caller's AbortSignal stops the request at once, mid-request or mid-wait, and nothing is tried again. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiClientError,
  ConnectionError,
  createFetchClient,
  RequestAbortedError,
  sleep as realSleep,
  TimeoutError,
} from '../src/internal.js';
import { fail, hang, recordedSleep, rejectionOf, reply, type Reply } from './support/fake-fetch.js';
import { collectGarbage, settledWithin } from './support/gc.js';
import { SENDERS } from './support/senders.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

const ENDPOINT = 'https://api.example.test/v1/things';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectAborted(error: unknown, reason: unknown) {
  expect(error).toBeInstanceOf(RequestAbortedError);
  expect(error).toBeInstanceOf(ApiClientError);
  expect(error).not.toBeInstanceOf(ConnectionError);
  expect(error).not.toBeInstanceOf(TimeoutError);
  expect((error as Error).name).toBe('AbortError');
  expect((error as Error).cause).toBe(reason);
}

/** Answers with `answer`, and aborts `controller` 10 ms after the request arrived (at a server, over undici). */
function abortSoonAfter(controller: AbortController, reason: string, answer: Reply): Reply {
  return (request) => {
    setTimeout(() => controller.abort(reason), 10);
    return answer(request);
  };
}

describe.each(SENDERS)('over $name', ({ fakeFetch, createTransport }) => {
  describe('aborting mid-request', () => {
    it('a real request stalled before the headers', async () => {
      const controller = new AbortController();
      const reason = new Error('user cancelled');
      // Abort once the server holds the request, without ever answering it.
      server = await startLocalServer(() => setTimeout(() => controller.abort(reason), 5));
      const transport = createTransport({ timeoutMs: 5000, sleep: recordedSleep().sleep });
      const error = await rejectionOf(transport(new Request(`${server.url}/slow`, { signal: controller.signal })));
      expectAborted(error, reason);
      expect(error).toMatchObject({ method: 'GET', url: `${server.url}/slow` });
      expect(server.requests).toBe(1);
    });

    it('a real request stalled mid-body', async () => {
      const controller = new AbortController();
      server = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial":');
        setTimeout(() => controller.abort('stop'), 10);
      });
      const transport = createTransport({ timeoutMs: 5000, sleep: recordedSleep().sleep });
      const error = await rejectionOf(transport(new Request(`${server.url}/half`, { signal: controller.signal })));
      expectAborted(error, 'stop');
      expect(server.requests).toBe(1);
    });

    it('a GC while the request is in flight does not cut the caller’s abort off (Node’s fetch follows signals weakly)', async () => {
      const controller = new AbortController();
      server = await startLocalServer(() =>
        setTimeout(() => {
          collectGarbage();
          controller.abort('after gc');
        }, 5),
      );
      const transport = createTransport({ timeoutMs: 5000, sleep: recordedSleep().sleep });
      const error = await rejectionOf(
        settledWithin(transport(new Request(`${server.url}/slow`, { signal: controller.signal })), 2000),
      );
      expectAborted(error, 'after gc');
      expect(server.requests).toBe(1);
    });

    it('an injected fetch: the attempt’s own signal is aborted too, and no retry follows', async () => {
      const controller = new AbortController();
      // Aborted once the request has arrived (over undici, at a server).
      const fake = fakeFetch((request) => {
        setTimeout(() => controller.abort(), 5);
        return hang()(request);
      });
      const { delays, sleep } = recordedSleep();
      const transport = createTransport({ fetch: fake.fetch, sleep });
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: controller.signal })));
      expectAborted(error, controller.signal.reason);
      expect((error as Error).message).toBe(`Request aborted: GET ${ENDPOINT}`);
      expect(fake.sent).toHaveLength(1);
      await expect.poll(() => fake.sent[0]?.signal.aborted).toBe(true);
      expect(delays).toEqual([]);
    });

    it('an already-aborted signal makes no attempt at all', async () => {
      const fake = fakeFetch(reply(200));
      const transport = createTransport({ fetch: fake.fetch });
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: AbortSignal.abort('early') })));
      expectAborted(error, 'early');
      expect(fake.sent).toHaveLength(0);
    });

    it('through createFetchClient', async () => {
      const controller = new AbortController();
      const fake = fakeFetch((request) => {
        setTimeout(() => controller.abort('navigated away'), 5);
        return hang()(request);
      });
      const transport = createTransport({ fetch: fake.fetch });
      const client = createFetchClient<{ '/things': { get: { responses: { 200: { content: { 'application/json': string[] } } } } } }>(
        'https://api.example.test/v1',
        transport,
      );
      const error = await rejectionOf(client.GET('/things', { signal: controller.signal }));
      expectAborted(error, 'navigated away');
      expect(fake.sent).toHaveLength(1);
    });
  });

  describe('aborting during a retry wait', () => {
    it('the real sleep is cut short by the abort (after a 503)', async () => {
      const controller = new AbortController();
      const fake = fakeFetch(abortSoonAfter(controller, 'bored', reply(503)), reply(200));
      // A wait of 30–60 s: the test only finishes quickly if the abort ends it.
      const transport = createTransport({ fetch: fake.fetch, initialBackoffMs: 60_000, maxBackoffMs: 60_000 });
      const started = Date.now();
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: controller.signal })));
      expectAborted(error, 'bored');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(fake.sent).toHaveLength(1);
    });

    it('the real sleep is cut short by the abort (during a 429’s Retry-After)', async () => {
      const controller = new AbortController();
      const fake = fakeFetch(abortSoonAfter(controller, 'bored', reply(429, '', { 'retry-after': '30' })), reply(200));
      const transport = createTransport({ fetch: fake.fetch });
      const started = Date.now();
      const error = await rejectionOf(transport(new Request(ENDPOINT, { method: 'POST', body: '{}', signal: controller.signal })));
      expectAborted(error, 'bored');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(fake.sent).toHaveLength(1);
    });

    it('the real sleep is cut short by the abort (after a refused connection)', async () => {
      const fake = fakeFetch(fail('ECONNREFUSED'), reply(200));
      const transport = createTransport({ fetch: fake.fetch, initialBackoffMs: 60_000, maxBackoffMs: 60_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort('bored'), 10);
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: controller.signal })));
      expectAborted(error, 'bored');
      expect(fake.sent).toHaveLength(1);
    });

    it('the injected sleep receives the caller’s signal', async () => {
      const fake = fakeFetch(reply(503), reply(200));
      const controller = new AbortController();
      const signals: (AbortSignal | undefined)[] = [];
      const transport = createTransport({
        fetch: fake.fetch,
        sleep: (ms, signal) => {
          signals.push(signal);
          controller.abort('while waiting');
          return realSleep(ms, signal);
        },
      });
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: controller.signal })));
      expectAborted(error, 'while waiting');
      expect(signals).toHaveLength(1);
      expect(signals[0]?.aborted).toBe(true);
      expect(fake.sent).toHaveLength(1);
    });

    it('a sleep that ignores the signal still leads to no further attempt', async () => {
      const fake = fakeFetch(reply(503), reply(200));
      const controller = new AbortController();
      const transport = createTransport({
        fetch: fake.fetch,
        sleep: async () => {
          controller.abort('while waiting');
        },
      });
      const error = await rejectionOf(transport(new Request(ENDPOINT, { signal: controller.signal })));
      expectAborted(error, 'while waiting');
      expect(fake.sent).toHaveLength(1);
    });
  });
});
