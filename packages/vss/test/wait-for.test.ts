/**
 * `requests.waitFor` and `waitForAll` against a fake VSS whose requests move PENDING → IN_PROGRESS → PROCESSED
 * (or → ERROR): the answer once finished, the pauses growing, the typed timeout with the last status, abort.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { NotFoundError, RequestAbortedError, TimeoutError, VssClient, WaitTimeoutError, type RequestTypes } from '../src/index.js';
import { startFakeVss, TOKEN, type FakeVss, type FakeVssOptions } from './fake-vss.js';

let fake: FakeVss | undefined;
afterEach(() => fake?.close());
const start = async (options: FakeVssOptions) => {
  fake = await startFakeVss(options);
  return new VssClient({ token: TOKEN, baseUrl: `${fake.url}/v2` });
};

describe('requests.waitFor', () => {
  it('asks until the request is processed, and resolves with it', async () => {
    const vss = await start({ progress: { 7: ['PENDING', 'PENDING', 'IN_PROGRESS', 'PROCESSED'] } });
    const done = await vss.requests.waitFor('change', 7, { intervalMs: 1 });
    expectTypeOf(done).toEqualTypeOf<RequestTypes['change']>();
    expect([done.id, done.status]).toEqual([7, 'PROCESSED']);
    expect(fake?.polls.get(7)).toBe(4);
  });

  it('stops at ERROR by default, and at the statuses given in until', async () => {
    const vss = await start({ progress: { 3: ['PENDING', 'ERROR'], 4: ['PENDING', 'SCHEDULED', 'PROCESSED'] } });
    expect((await vss.requests.waitFor('change', 3, { intervalMs: 1 })).status).toBe('ERROR');
    expect((await vss.requests.waitFor('change', 4, { intervalMs: 1, until: ['SCHEDULED'] })).status).toBe('SCHEDULED');
    expect(fake?.polls.get(4)).toBe(2);
  });

  it('pauses longer each time, up to maxIntervalMs', async () => {
    const vss = await start({ progress: { 5: ['PENDING', 'PENDING', 'PENDING', 'PENDING', 'PROCESSED'] } });
    const times: number[] = [];
    vss.use(async (request, next) => (times.push(performance.now()), next(request)));
    await vss.requests.waitFor('change', 5, { intervalMs: 20, maxIntervalMs: 45 });
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // 20, 30, 45, 45 ms (a timer may fire a little early or late; the growth is what is checked).
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(28);
    expect(gaps[2]).toBeGreaterThanOrEqual(43);
    expect(gaps[3]).toBeGreaterThanOrEqual(43);
  });

  it('times out with a WaitTimeoutError carrying the last status seen', async () => {
    const vss = await start({ progress: { 9: ['PENDING', 'IN_PROGRESS'] } });
    // 1.5 s: time for the two polls that reach IN_PROGRESS even on a busy machine; the status never goes further.
    const error = await vss.requests.waitFor('change', 9, { intervalMs: 5, timeoutMs: 1_500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    const timeout = error as WaitTimeoutError;
    expect([timeout.lastStatus, timeout.timeoutMs, timeout.until]).toEqual(['IN_PROGRESS', 1_500, ['PROCESSED', 'ERROR', 'ERROR_RETRY']]);
    expect((timeout.last as { id: number }).id).toBe(9);
    expect(timeout.message).toBe(`Waited 1500 ms for GET ${fake?.url}/v2/request/change/9 to be PROCESSED or ERROR or ERROR_RETRY; its last status was IN_PROGRESS`);
    expect(JSON.stringify(timeout)).not.toContain(TOKEN);
  });

  it('stops at once when the signal aborts, with a RequestAbortedError', async () => {
    const vss = await start({ progress: { 2: ['PENDING'] } });
    const controller = new AbortController();
    const waiting = vss.requests.waitFor('change', 2, { intervalMs: 10_000, signal: controller.signal });
    // Aborted during the 10 s pause after the first answer (however long that answer took on a busy machine).
    while (!fake?.polls.get(2)) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    controller.abort(new Error('user gave up'));
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake?.polls.get(2)).toBe(1);
  });

  it("fails with the API's error when the request does not exist", async () => {
    const vss = await start({});
    await expect(vss.requests.waitFor('change', 100_000, { intervalMs: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('requests.waitForAll', () => {
  it('waits for several at once and answers in the order asked', async () => {
    const vss = await start({ progress: { 1: ['PENDING', 'PENDING', 'PROCESSED'], 2: ['PROCESSED'], 3: ['PENDING', 'ERROR'] } });
    const done = await vss.requests.waitForAll(
      [
        { type: 'change', id: 1 },
        { type: 'change', id: 2 },
        { type: 'change', id: 3 },
      ],
      { intervalMs: 1 },
    );
    expect(done.map((r) => [r.id, r.status])).toEqual([
      [1, 'PROCESSED'],
      [2, 'PROCESSED'],
      [3, 'ERROR'],
    ]);
  });

  it('the first failure ends every wait', async () => {
    const vss = await start({ progress: { 1: ['PENDING'] } });
    const error = await vss.requests
      .waitForAll([{ type: 'change', id: 1 }, { type: 'change', id: 100_000 }], { intervalMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    // Request 1 was asked for once; its wait ended with the failure, so it is never asked for again.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake?.polls.get(1)).toBe(1);
  });
});
