// One worker of a scaled-out Statuspage automation: updates the components it is given, all at once, through a
// StatuspageClient whose budget is shared through Redis (when a Redis port is given). Prints what it saw as JSON.
// Usage: node update-components.mjs <baseUrl> <redisPort|-> <requests> <perMs> <windowMs> <id>...
import { Redis } from 'ioredis';
import { redisStore } from '@apiclients/core/redis';
import { StatuspageClient } from '@apiclients/statuspage';

const [baseUrl, redisPort, requests, perMs, windowMs, ...ids] = process.argv.slice(2);
const redis = redisPort === '-' ? undefined : new Redis(Number(redisPort), '127.0.0.1');
const warnings = [];
const logger = { debug() {}, warn: (line) => warnings.push(line) };
const rateLimit = { requests: Number(requests), perMs: Number(perMs), windowMs: Number(windowMs), ...(redis ? { store: redisStore(redis) } : {}) };
const sp = new StatuspageClient({ apiKey: 'worker-shared-key', pageId: 'page1', baseUrl, rateLimit, logger });
const results = await Promise.allSettled(ids.map((id) => sp.components.update(id, { status: 'major_outage' })));
console.log(JSON.stringify({ ok: results.filter((r) => r.status === 'fulfilled').length, failed: results.filter((r) => r.status === 'rejected').map((r) => String(r.reason)), warnings }));
redis?.disconnect();
