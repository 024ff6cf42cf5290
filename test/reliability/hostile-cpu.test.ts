/**
 * No CPU without bound (issue 22), through every vendor client: a 1 MB error body built to make a backtracking
 * redaction pattern rescan from every position costs about what a benign 1 MB body does (it took minutes before),
 * and an error body nested 20 000 deep gives an error that `JSON.stringify` serialises, bounded, without a
 * RangeError.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '@apiclients/core';
import { reply } from './support/fault-server.js';
import { outcomeOf, useFaultServer } from './support/use-fault-server.js';
import { VENDORS } from './support/vendors.js';

const server = useFaultServer();
const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const BENIGN = fill('The quick brown fox jumps over the lazy dog. ');
const ADVERSARIAL: Record<string, string> = {
  'a run of scheme characters': fill('a-'),
  'a scheme with no user info end': `a://${fill('b')}`,
  'scheme words without credentials': fill('Bearer '),
  'secret parameter names without values': fill(' token='),
};

/** The fastest of three failing calls whose 400 carries `body` as text, in ms (server time included). */
async function fastestFailure(run: () => Promise<unknown>, body: string): Promise<number> {
  server().fallback = () => reply.raw(400, body, { 'content-type': 'text/plain' });
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    expect(await outcomeOf(run())).toBeInstanceOf(ApiError);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe.each(VENDORS)('$name: a 1 MB error body', (vendor) => {
  it.each(Object.entries(ADVERSARIAL))('%s: within 20× of a benign one', async (_, body) => {
    const run = () => vendor.get.run(server().url, { maxRetries: 0 });
    const benignMs = Math.max(await fastestFailure(run, BENIGN), 5);
    const adversarialMs = await fastestFailure(run, body);
    expect(adversarialMs / benignMs, `${adversarialMs.toFixed(0)} ms vs ${benignMs.toFixed(0)} ms`).toBeLessThan(20);
  });
});

describe.each(VENDORS)('$name: an error body nested 20 000 deep', (vendor) => {
  it('gives an error JSON.stringify serialises, bounded', async () => {
    const depth = 20_000;
    server().fallback = () => reply.raw(500, `${'{"errors":['.repeat(depth)}"x"${']}'.repeat(depth)}`, { 'content-type': 'application/json' });
    const error = await outcomeOf(vendor.get.run(server().url, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(ApiError);
    const json = JSON.stringify(error);
    expect(json.length).toBeLessThan(64 * 1024);
    expect(json).toContain('nested');
  });
});
