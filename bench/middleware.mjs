#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): what middleware costs on the loopback GET of bench/loopback.mjs
// (`SparkClient.rooms.get` against a node:http room server in its own process). Contenders: no middleware; an
// empty chain (`middleware: []`, the target: within the resolution); one pass-through middleware
// (`(request, next) => next(request)`, which builds a Response for the middleware to see); and "no middleware"
// again under another name, the control whose difference from the first row is the method's resolution.
// Interleaved rounds (bench/lib/interleaved.mjs), median round. Run: npm run bench -- middleware
import { SparkClient } from '@apiclients/spark';
import { ROOM } from './lib/fixtures.mjs';
import { interleaved } from './lib/interleaved.mjs';
import { startRoomServer } from './lib/room-server.mjs';
import { markdownTable, ratioToFastest, signedPercent, verdict, whole } from './lib/table.mjs';

const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);

const server = await startRoomServer();
const client = (options = {}) => new SparkClient({ accessToken: 'bench-access-token', baseUrl: server.url, ...options });
const get = (spark) => async () => {
  const room = await spark.rooms.get(ROOM.id);
  if (room?.id !== ROOM.id) throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
};
const none = client();
const empty = client({ middleware: [] });
const passThrough = client({ middleware: [(request, next) => next(request)] });
const noneAgain = client();
const contenders = [
  { key: 'none', name: 'no middleware', op: get(none) },
  { key: 'empty', name: 'an empty chain (`middleware: []`)', op: get(empty) },
  { key: 'one', name: 'one pass-through middleware', op: get(passThrough) },
  { key: 'again', name: 'no middleware again (the same code: the resolution)', op: get(noneAgain) },
];
const results = await interleaved(contenders, { batch: BATCH, rounds: ROUNDS });
await server.close();

const fastest = Math.max(...results.map((r) => r.opsPerSecond));
console.log(`Loopback GET /rooms/{roomId}, ${ROUNDS} interleaved rounds × ${whole(BATCH)} sequential calls each, median round; CPU = process.cpuUsage() per call (Node ${process.version})\n`);
console.log(
  markdownTable(
    [{ title: 'contender' }, { title: 'req/s', align: 'right' }, { title: 'min–max req/s', align: 'right' }, { title: 'vs fastest', align: 'right' }, { title: 'client CPU µs/req', align: 'right' }],
    results.map((r) => [r.name, whole(r.opsPerSecond), `${whole(r.min)}–${whole(r.max)}`, ratioToFastest(r.opsPerSecond, fastest, true), r.cpuMicros.toFixed(1)]),
  ),
);
const row = (key) => results[contenders.findIndex((c) => c.key === key)];
const cost = (key) => ({ wall: row('none').opsPerSecond / row(key).opsPerSecond - 1, cpu: row(key).cpuMicros / row('none').cpuMicros - 1 });
const resolution = cost('again');
const emptyCost = cost('empty');
const within = Math.abs(emptyCost.cpu) <= Math.max(Math.abs(resolution.cpu), 0.02);
console.log(
  `\nTarget: an empty chain within the resolution: ${verdict(within, `${signedPercent(emptyCost.wall, 1)} by the clock, ${signedPercent(emptyCost.cpu, 1)} client CPU; the control differs by ${signedPercent(resolution.wall, 1)} and ${signedPercent(resolution.cpu, 1)}`)}` +
    `\nOne pass-through middleware: ${signedPercent(cost('one').wall, 1)} by the clock, ${signedPercent(cost('one').cpu, 1)} client CPU.`,
);
