import { describe, expect, it } from 'vitest';
import { sleep } from '../src/internal.js';
import { rejectionOf } from './support/fake-fetch.js';

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const started = performance.now();
    await sleep(15);
    expect(performance.now() - started).toBeGreaterThanOrEqual(10);
  });

  it('rejects at once with the reason of an already-aborted signal', async () => {
    const started = performance.now();
    expect(await rejectionOf(sleep(60_000, AbortSignal.abort('early')))).toBe('early');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('late'), 5);
    const started = performance.now();
    expect(await rejectionOf(sleep(60_000, controller.signal))).toBe('late');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops listening once it has resolved', async () => {
    const controller = new AbortController();
    let listeners = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;
    await sleep(1, signal);
    expect(listeners).toBe(0);
    controller.abort();
  });
});
