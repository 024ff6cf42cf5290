/**
 * Leaving a list early (a `break`, `take`, `limit`, a failing page) aborts the page requests it still has in
 * flight: with concurrency 8, seven pages may be on their way when the caller stops wanting them.
 */
import { describe, expect, it } from 'vitest';
import { PagedList, type PageResult } from '../src/index.js';

/** A list of 1 + 20 pages whose later pages answer only when told (or never): it records every page's signal. */
function stalledList(options: { failPage?: number; limit?: number } = {}) {
  const signals: AbortSignal[] = [];
  const fetchPage = (next: string | null, signal?: AbortSignal): Promise<PageResult<number>> => {
    const url = next ?? 'https://api.test/p?page=1';
    const number = Number(new URL(url).searchParams.get('page'));
    const page: PageResult<number> = { items: [number, number], next: `https://api.test/p?page=${number + 1}`, url, response: new Response() };
    if (next === null) {
      page.laterPages = { count: 20, url: (index) => `https://api.test/p?page=${index + 2}` };
      return Promise.resolve(page);
    }
    if (signal) signals.push(signal);
    if (number === 2) return Promise.resolve(page);
    if (number === options.failPage) return Promise.reject(new Error(`page ${number} failed`));
    // Stalls until aborted, as a request to a server that never answers would.
    return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  };
  return { signals, list: new PagedList(fetchPage, { concurrency: 8, ...(options.limit === undefined ? {} : { limit: options.limit }) }) };
}

const allAborted = (signals: AbortSignal[]) => signals.length > 1 && signals.every((s) => s.aborted);

describe('leaving a concurrent list early aborts its outstanding page requests', () => {
  it('on a break', async () => {
    const { signals, list } = stalledList();
    for await (const item of list) if (item === 2) break;
    expect(signals.length).toBeGreaterThanOrEqual(8);
    expect(allAborted(signals)).toBe(true);
  });

  it('on take() and on limit', async () => {
    const taken = stalledList();
    expect(await taken.list.take(3).toArray()).toEqual([1, 1, 2]);
    expect(allAborted(taken.signals)).toBe(true);
    const limited = stalledList({ limit: 3 });
    expect(await limited.list.toArray()).toEqual([1, 1, 2]);
    expect(allAborted(limited.signals)).toBe(true);
  });

  it('when a page fails', async () => {
    const { signals, list } = stalledList({ failPage: 3 });
    // Page 3 fails while pages 4–9 are in flight; the error is thrown and they are aborted.
    await expect(list.toArray()).rejects.toThrow('page 3 failed');
    expect(allAborted(signals)).toBe(true);
  });

  it("when the caller's signal fires", async () => {
    const { signals, list } = stalledList();
    const controller = new AbortController();
    const pages = list.pages(controller.signal);
    await pages.next();
    await pages.next();
    const third = pages.next();
    controller.abort(new Error('caller gave up'));
    await expect(third).rejects.toThrow('caller gave up');
    expect(allAborted(signals)).toBe(true);
  });
});
