import { describe, expect, it } from 'vitest';
import { loadOnce } from '../src/internal.js';

describe('loadOnce', () => {
  it('loads once with the first call’s arguments, does not keep a failure, and forgets only the promise still kept', async () => {
    const calls: string[] = [];
    let fail = true;
    const load = loadOnce(async (who: string) => {
      calls.push(who);
      if (fail) throw new Error('not yet');
      return `answer for ${who}`;
    });
    expect(load.kept).toBe(false);
    await expect(load('a')).rejects.toThrow('not yet');
    expect(load.kept).toBe(false);
    fail = false;
    const first = load('b');
    expect(load('c')).toBe(first);
    expect(await first).toBe('answer for b');
    expect(load.kept).toBe(true);
    load.forget(first);
    const second = load('d');
    load.forget(first); // stale: the kept one is `second` now
    expect(load('e')).toBe(second);
    expect(calls).toEqual(['a', 'b', 'd']);
  });
});
