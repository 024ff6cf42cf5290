// A fake Statuspage that enforces a rate limit as Statuspage documents it: each API key may make `requests` per
// `perMs`, counted over a rolling `windowMs`; a request over it is answered 420 with Retry-After (seconds until
// the oldest request in the window leaves it) and not performed. It applies component updates and counts them.
import { createServer } from 'node:http';

/** Starts the fake on a free loopback port. */
export async function startFakeStatuspage({ requests, perMs, windowMs }) {
  const budget = Math.floor((requests * windowMs) / perMs);
  const accepted = new Map(); // API key → arrival times (ms) of accepted requests within the window
  const updates = new Map(); // component id → times applied
  const arrivals = [];
  let refused = 0;
  const server = createServer((request, response) => {
    const now = performance.now();
    const key = request.headers.authorization ?? '';
    const times = (accepted.get(key) ?? []).filter((t) => t > now - windowMs);
    accepted.set(key, times);
    arrivals.push(now);
    request.resume();
    if (times.length >= budget) {
      refused++;
      const seconds = Math.max(1, Math.ceil(((times[0] ?? now) + windowMs - now) / 1000));
      response.writeHead(420, { 'content-type': 'application/json', 'retry-after': String(seconds) });
      return response.end('{"message":"rate limited"}');
    }
    times.push(now);
    const id = /\/components\/([^/?]+)/.exec(request.url ?? '')?.[1] ?? '';
    updates.set(id, (updates.get(id) ?? 0) + 1);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id, status: 'major_outage' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    updates,
    arrivals,
    get refused() {
      return refused;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
