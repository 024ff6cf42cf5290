#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): what one typed GET costs in the client itself, with the
// network taken out. fetch is a stub answering `Response.json(room)` on the next tick, as openapi-fetch's own
// benchmark does; axios gets an adapter answering the same JSON text on the next tick (axios parses it itself).
// Contenders run in interleaved rounds (bench/lib/interleaved.mjs). Run: npm run bench -- client-overhead
import axios from 'axios';
import createClient from 'openapi-fetch';
import { SparkClient } from '@apiclients/spark';
import { ROOM } from './lib/fixtures.mjs';
import { interleaved } from './lib/interleaved.mjs';
import { markdownTable, ratioToFastest, verdict, whole } from './lib/table.mjs';

const BASE_URL = 'https://webexapis.com/v1';
const TOKEN = 'bench-access-token';
const ROOM_ID = ROOM.id;
const BATCH = Number(process.env.BENCH_BATCH ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

/** fetch answering the room on the next tick (openapi-fetch's benchmark stub). */
const stubFetch = () => new Promise((resolve) => process.nextTick(() => resolve(Response.json(ROOM))));

const spark = new SparkClient({ accessToken: TOKEN, baseUrl: BASE_URL, fetch: stubFetch });
const openapiFetch = createClient({ baseUrl: BASE_URL, fetch: stubFetch, headers: { authorization: `Bearer ${TOKEN}` } });
const axiosClient = axios.create({
  baseURL: BASE_URL,
  headers: { authorization: `Bearer ${TOKEN}` },
  adapter: (config) =>
    new Promise((resolve) =>
      process.nextTick(() =>
        resolve({ data: JSON.stringify(ROOM), status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, config, request: {} }),
      ),
    ),
});

const check = (room) => {
  if (room?.id !== ROOM_ID) throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
};
const contenders = [
  { name: 'hand-written fetch (stub + response.json())', op: async () => {
    const response = await stubFetch(`${BASE_URL}/rooms/${encodeURIComponent(ROOM_ID)}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(String(response.status));
    check(await response.json());
  } },
  { name: 'openapi-fetch 0.17 (plain createClient)', op: async () => {
    const { data, error } = await openapiFetch.GET('/rooms/{roomId}', {
      params: { path: { roomId: ROOM_ID } },
    });
    if (error) throw new Error('error');
    check(data);
  } },
  { name: '**@apiclients/spark** `rooms.get`', op: async () => check(await spark.rooms.get(ROOM_ID)) },
  { name: `axios ${axios.VERSION} (next-tick adapter)`, op: async () => check((await axiosClient.get(`/rooms/${encodeURIComponent(ROOM_ID)}`)).data) },
];

const results = await interleaved(contenders, { batch: BATCH, rounds: ROUNDS });
const fastest = Math.max(...results.map((r) => r.opsPerSecond));
console.log(`One GET /rooms/{roomId} with fetch stubbed (next tick), ${ROUNDS} interleaved rounds × ${whole(BATCH)} calls each, median round; CPU = process.cpuUsage() per call (Node ${process.version})\n`);
console.log(
  markdownTable(
    [{ title: 'contender' }, { title: 'ops/s', align: 'right' }, { title: 'µs/call', align: 'right' }, { title: 'rounds min–max ops/s', align: 'right' }, { title: 'vs fastest', align: 'right' }, { title: 'CPU µs/call', align: 'right' }],
    results.map((r) => [r.name, whole(r.opsPerSecond), (1e6 / r.opsPerSecond).toFixed(1), `${whole(r.min)}–${whole(r.max)}`, ratioToFastest(r.opsPerSecond, fastest, true), r.cpuMicros.toFixed(1)]),
  ),
);
const [, plain, ours] = results;
const wallOver = plain.opsPerSecond / ours.opsPerSecond - 1;
const cpuOver = ours.cpuMicros / plain.cpuMicros - 1;
console.log(
  `\nTarget: ours within 10% of plain openapi-fetch — ${verdict(wallOver <= 0.1 && cpuOver <= 0.1, `ours takes ${(wallOver * 100).toFixed(0)}% longer per call by the clock ` +
    `(${(1e6 / ours.opsPerSecond).toFixed(1)} vs ${(1e6 / plain.opsPerSecond).toFixed(1)} µs) and ${(cpuOver * 100).toFixed(0)}% more CPU ` +
    `(${ours.cpuMicros.toFixed(1)} vs ${plain.cpuMicros.toFixed(1)} µs)`)}`,
);
