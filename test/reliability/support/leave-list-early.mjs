// The child process of hostile-bounds.test.ts: a VSS list at concurrency 8 whose later pages never answer, left
// after two items (take) and after a break, with a 10-minute timeout. The process must exit at once afterwards:
// only aborting the page requests still in flight lets it.
import { VssClient } from '@apiclients/vss';

const [url] = process.argv.slice(2);
const client = new VssClient({ token: 'vss-token-leave-early-123', baseUrl: `${url}/v2`, timeoutMs: 600_000 });
const taken = await client.requests.list('change', { per_page: 2 }, { concurrency: 8 }).take(3).toArray();
let seen = 0;
for await (const _ of client.requests.list('change', { per_page: 2 }, { concurrency: 8 })) if (++seen === 3) break;
process.stdout.write(JSON.stringify({ taken: taken.length, seen }));
