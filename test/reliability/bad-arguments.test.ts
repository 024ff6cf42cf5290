/**
 * Property 4, bad input from plain-JS callers: wrong argument types, unknown enum values and bad options fail
 * with a ConfigurationError naming the argument, before any request (the fault server records none).
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@apiclients/core';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();

describe.each(VENDORS)('$name', (vendor) => {
  it.each(vendor.misuse)('a bad "$argument" fails naming it, before any request', async ({ argument, run }) => {
    const error = await outcomeOf(() => run(server().url));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(argument);
    expect(server().requests).toHaveLength(0);
  });

  it.each([
    ['timeoutMs', 'soon'],
    ['maxRetries', -1],
    ['maxRetryDelayMs', Number.NaN],
  ])('a bad %s option fails naming it, before any request', async (option, value) => {
    const error = await outcomeOf(() => vendor.get.run(server().url, { [option]: value }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(option);
    expect(server().requests).toHaveLength(0);
  });
});
