// Makes one call with each vendor client against the server at argv[2], prints `done <n>`, and ends without
// closing anything: the process must then exit by itself (no socket or timer keeps it alive).
import { SparkClient } from '@apiclients/spark';
import { StatuspageClient } from '@apiclients/statuspage';
import { VSparkClient } from '@apiclients/vspark';
import { VssClient } from '@apiclients/vss';

const baseUrl = process.argv[2];
const calls = [
  () => new SparkClient({ accessToken: 'exit-test-token-1', baseUrl }).raw.GET('/people/me'),
  () => new StatuspageClient({ apiKey: 'exit-test-key-12', pageId: 'p', organizationId: 'o', baseUrl }).raw.GET('/pages/{page_id}', { params: { path: { page_id: 'p' } } }),
  () => new VssClient({ token: 'exit-test-token-2', baseUrl }).raw.GET('/request'),
  () => new VSparkClient({ token: 'exit-test-token-3', baseUrl }).raw.GET('/config'),
];
let done = 0;
for (const call of calls) {
  await call();
  done++;
}
console.log(`done ${done}`);
