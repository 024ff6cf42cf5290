/**
 * The spec's budget (1 request a second per key over a rolling minute) paces the client on Statuspage's own
 * server, and on another baseUrl only when `rateLimit` asks; `rateLimit: false` turns it off.
 */
import { describe, expect, it } from 'vitest';
import { StatuspageClient } from '../src/index.js';

/** A stub fetch that records when each request was sent. */
function recorded() {
  const sentAt: number[] = [];
  const fetch = async () => {
    sentAt.push(performance.now());
    return Response.json({ id: 'c1', status: 'major_outage' });
  };
  return { sentAt, fetch };
}

async function twoUpdates(options: ConstructorParameters<typeof StatuspageClient>[0]) {
  const { sentAt, fetch } = recorded();
  const sp = new StatuspageClient({ apiKey: 'k', pageId: 'p', fetch, ...options });
  await Promise.all(['c1', 'c2'].map((id) => sp.components.update(id, { status: 'major_outage' })));
  return (sentAt[1] as number) - (sentAt[0] as number);
}

describe("Statuspage's budget", () => {
  it("paces requests to Statuspage's own server: a turn every 1.017 s", async () => {
    expect(await twoUpdates({})).toBeGreaterThanOrEqual(1_000);
  });

  it('paces a client on another baseUrl only when rateLimit asks', async () => {
    expect(await twoUpdates({ baseUrl: 'http://127.0.0.1:9/v1' })).toBeLessThan(500);
    expect(await twoUpdates({ baseUrl: 'http://127.0.0.1:9/v1', rateLimit: {} })).toBeGreaterThanOrEqual(1_000);
  });

  it('is off with rateLimit: false, and follows a budget of the caller', async () => {
    expect(await twoUpdates({ rateLimit: false })).toBeLessThan(500);
    const gap = await twoUpdates({ rateLimit: { requests: 5, perMs: 1_000, windowMs: 1_000 } });
    expect(gap).toBeGreaterThanOrEqual(245);
    expect(gap).toBeLessThan(800);
  });
});
