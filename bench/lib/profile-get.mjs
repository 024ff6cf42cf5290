// Not a benchmark: a CPU profile of N typed GETs through the Spark client with fetch stubbed (next tick).
// Run: node --cpu-prof --cpu-prof-dir=/tmp/prof bench/lib/profile-get.mjs [N]; then summarise the .cpuprofile.
import { SparkClient } from '@apiclients/spark';
import { ROOM } from './fixtures.mjs';

const stubFetch = () => new Promise((resolve) => process.nextTick(() => resolve(Response.json(ROOM))));
const spark = new SparkClient({ accessToken: 'bench-access-token', baseUrl: 'https://webexapis.com/v1', fetch: stubFetch });
const n = Number(process.argv[2] ?? 20_000);
const started = performance.now();
for (let i = 0; i < n; i++) await spark.rooms.get(ROOM.id);
console.log(`${n} calls, ${((performance.now() - started) * 1000 / n).toFixed(1)} µs/call`);
