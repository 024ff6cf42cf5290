/** APIPromise: awaits to the data, gives the response beside it, rejects the same way both ways. */
import { describe, expect, it } from 'vitest';
import { APIPromise, mapData, NotFoundError, type WithResponse } from '../src/internal.js';

const answer = <T>(data: T): WithResponse<T> => ({
  data,
  response: { status: 200, statusText: 'OK', headers: new Headers({ 'x-request-id': 'req-1' }), url: 'https://api.test/x' },
  requestId: 'req-1',
});

describe('APIPromise', () => {
  it('awaits to the data and withResponse() to the data with its response, from one answer', async () => {
    let made = 0;
    const call = new APIPromise(Promise.resolve().then(() => (made++, answer({ id: 1 }))));
    expect(await call).toEqual({ id: 1 });
    expect((await call.withResponse()).requestId).toBe('req-1');
    expect(await call.then((d) => d.id)).toBe(1);
    expect(await Promise.all([call])).toEqual([{ id: 1 }]);
    expect(made).toBe(1);
    expect(call).toBeInstanceOf(Promise);
    expect(call.then(() => 0)).not.toBeInstanceOf(APIPromise);
  });

  it('rejects with the same error awaited, with catch, finally and withResponse', async () => {
    const error = new NotFoundError({ status: 404, statusText: '', method: 'GET', url: 'u', headers: {}, body: '', requestId: undefined, vendorMessage: undefined, retryAfterMs: undefined });
    const call = new APIPromise<unknown>(Promise.reject(error));
    await expect(call).rejects.toBe(error);
    await expect(call.withResponse()).rejects.toBe(error);
    expect(await call.catch((e: unknown) => e)).toBe(error);
    let finished = false;
    await expect(call.finally(() => (finished = true))).rejects.toBe(error);
    expect(finished).toBe(true);
  });

  it('mapData keeps the response and maps the data', async () => {
    const mapped = mapData(new APIPromise(Promise.resolve(answer({ data: { id: 7 } }))), (d) => d.data.id);
    expect(await mapped).toBe(7);
    expect((await mapped.withResponse()).response.url).toBe('https://api.test/x');
  });
});
