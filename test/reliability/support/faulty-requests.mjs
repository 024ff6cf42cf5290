// Child process of exits-by-itself.test.ts: every vendor client meets a success, a stall (timeout), resets
// (retries), a long rate-limit wait (aborted) and a stalled list (aborted), prints what each call ended in, then
// simply returns. If a timer or socket were left behind, this process would not exit by itself.
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';

const [serverUrl] = process.argv.slice(2);
const options = { timeoutMs: 200, maxRetries: 1, maxRetryDelayMs: 600_000 };

// Each vendor's idempotent GET, with the client pointed at one scenario of the parent's fault server.
const vendors = {
  spark: (base, signal) => new SparkClient({ accessToken: 'child-spark-token', baseUrl: base, ...options }).people.get('p1', {}, { signal }),
  statuspage: (base, signal) =>
    new StatuspageClient({ apiKey: 'child-key', pageId: 'pg', organizationId: 'org', baseUrl: base, ...options }).components.get('c1', { signal }),
  vss: (base, signal) => new VssClient({ token: 'child-vss-token', baseUrl: `${base}/v2`, ...options }).requests.get('change', 1, { signal }),
  vspark: (base, signal) => new VSparkClient({ token: 'child-vspark-token', baseUrl: base, ...options }).status.folder('c', 'o', 'f', {}, { signal }),
};
const lists = {
  spark: (base, signal) => new SparkClient({ accessToken: 'child-spark-token', baseUrl: base, ...options }).people.list({}, { signal }).toArray(),
  vss: (base, signal) => new VssClient({ token: 'child-vss-token', baseUrl: `${base}/v2`, ...options }).requests.list('change', {}, { signal }).toArray(),
};

async function outcome(call) {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return error?.name ?? String(error);
  }
}

// Aborts once the parent's server has had time to receive the request (a rate-limit wait of 300 s is under way).
function abortSoon() {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 300);
  return controller.signal;
}

const results = {};
for (const [name, call] of Object.entries(vendors)) {
  results[name] = {
    ok: await outcome(call(`${serverUrl}/ok`)),
    stall: await outcome(call(`${serverUrl}/stall`)),
    reset: await outcome(call(`${serverUrl}/reset`)),
    rateLimitAborted: await outcome(call(`${serverUrl}/limited`, abortSoon())),
  };
}
for (const [name, list] of Object.entries(lists)) {
  results[name].listAborted = await outcome(list(`${serverUrl}/stall`, abortSoon()));
}
console.log(JSON.stringify(results));
