/** pollUntil with an injected sleep: the pauses it asks for, and a status never seen. */
import { describe, expect, it } from 'vitest';
import { pollUntil, WaitTimeoutError } from '../src/internal.js';

describe('pollUntil', () => {
  it('pauses half again as long each time, up to the ceiling', async () => {
    const pauses: number[] = [];
    const answers = ['a', 'a', 'a', 'a', 'a', 'done'];
    const found = await pollUntil(
      { ask: async () => answers.shift(), statusOf: (s) => s, until: ['done'], request: { method: 'GET', url: 'u' }, sleep: async (ms) => void pauses.push(ms) },
      { intervalMs: 100, maxIntervalMs: 300 },
    );
    expect(found).toBe('done');
    expect(pauses).toEqual([100, 150, 225, 300, 300]);
  });

  it('a timeout before any answer says no status was seen', async () => {
    const error = await pollUntil(
      { ask: (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))), statusOf: () => undefined, until: ['done'], request: { method: 'GET', url: 'https://api.test/r/1' } },
      { timeoutMs: 20 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastStatus).toBeUndefined();
    expect((error as Error).message).toMatch(/its last status was never seen$/);
  });
});
