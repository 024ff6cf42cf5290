// Not a benchmark by itself: the process bench/loopback-instructions.mjs runs under valgrind. Sends WARMUP + N GETs
// of one loopback contender (lib/loopback-contenders.mjs) to a room server in its own (untraced) process.
// Run: node bench/lib/loopback-one.mjs <contender key> <warm-up requests> <measured requests>
import { loopbackContenders } from './loopback-contenders.mjs';
import { startRoomServer } from './room-server.mjs';

const [key, warmup, requests] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const server = await startRoomServer();
try {
  const contender = loopbackContenders(server.url).find((c) => c.key === key);
  if (!contender) throw new Error(`no loopback contender "${key}"`);
  for (let i = 0; i < warmup + requests; i++) await contender.op();
} finally {
  await server.close();
}
