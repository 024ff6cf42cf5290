/**
 * Property 2, nothing hangs: a stalled server ends in a TimeoutError at timeoutMs; an aborted signal ends a
 * request, a wait before a retry, and a list's loop at once. "At once" is proven without timing: every call here
 * has a timeoutMs far beyond the test's own timeout, so only the abort can have ended it.
 */
import { describe, expect, it } from 'vitest';
import { RequestAbortedError, TimeoutError } from '@apiclients/core';
import { reply } from './support/fault-server.js';
import { outcomeOf, until, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();
const NEVER_MS = 600_000;

describe.each(VENDORS)('$name', (vendor) => {
  it.each([
    ['before headers', reply.stallBeforeHeaders()],
    ['mid-body', reply.stallMidBody()],
  ])('a server stalling %s ends in a TimeoutError at timeoutMs', async (_, stall) => {
    server().fallback = () => stall;
    const outcome = await outcomeOf(vendor.get.run(server().url, { timeoutMs: 200, maxRetries: 0 }));
    expect(outcome).toBeInstanceOf(TimeoutError);
    expect((outcome as TimeoutError).timeoutMs).toBe(200);
    expect(server().requests).toHaveLength(1);
  });

  it('each retry gets its own timeout, and the last one is thrown', async () => {
    server().fallback = () => reply.stallBeforeHeaders();
    expect(await outcomeOf(vendor.get.run(server().url, { timeoutMs: 200, maxRetries: 1 }))).toBeInstanceOf(TimeoutError);
    expect(server().requests).toHaveLength(2);
  });

  it('an aborted signal ends a stalled request at once', async () => {
    server().fallback = () => reply.stallBeforeHeaders();
    const controller = new AbortController();
    const pending = outcomeOf(vendor.get.run(server().url, { timeoutMs: NEVER_MS }, { signal: controller.signal }));
    await until(() => server().requests.length === 1);
    controller.abort(new Error('operator pressed Ctrl-C'));
    expect(await pending).toBeInstanceOf(RequestAbortedError);
  });

  it('an aborted signal ends the wait before a retry at once', async () => {
    server().fallback = () => reply.status(vendor.rateLimitStatuses[0]!, '300');
    const controller = new AbortController();
    const pending = outcomeOf(vendor.get.run(server().url, { timeoutMs: NEVER_MS, maxRetryDelayMs: NEVER_MS }, { signal: controller.signal }));
    await until(() => server().requests.length === 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(RequestAbortedError);
    expect(server().requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    server().fallback = () => vendor.get.ok;
    expect(await outcomeOf(vendor.get.run(server().url, {}, { signal: AbortSignal.abort() }))).toBeInstanceOf(RequestAbortedError);
    expect(server().requests).toHaveLength(0);
  });

  it('an aborted signal ends the list loop at once, mid-way', async () => {
    const { page } = vendor.list;
    // Page 1 links on to page 2, which never comes (V-Spark's walk stalls on its first requests).
    if (page) server().enqueue(page([{ id: 1 }, { id: 2 }], `${server().url}/next-page`));
    server().fallback = () => reply.stallBeforeHeaders();
    const controller = new AbortController();
    const pending = outcomeOf(vendor.list.run(server().url, { timeoutMs: NEVER_MS }, { signal: controller.signal }));
    await until(() => server().requests.length >= (page ? 2 : 1));
    controller.abort();
    expect(await pending).toBeInstanceOf(RequestAbortedError);
  });
});
