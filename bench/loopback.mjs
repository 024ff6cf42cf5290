#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): GET /rooms/{roomId} against a node:http server on 127.0.0.1
// (its own process) answering a small JSON room: 10 000 requests one after another, and 10 000 with 64 in
// flight. Vendor: Spark (`SparkClient.rooms.get` with baseUrl set to the server), against raw fetch, plain
// openapi-fetch and axios (Node's http adapter, keep-alive global agent). Contenders run in interleaved chunks;
// the figure is the total of a contender's chunks. Run: npm run bench -- loopback
import axios from 'axios';
import createClient from 'openapi-fetch';
import { SparkClient } from '@apiclients/spark';
import { ROOM } from './lib/fixtures.mjs';
import { startRoomServer } from './lib/room-server.mjs';
import { markdownTable, ratioToFastest, verdict, whole } from './lib/table.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10);
const WARMUP = 1_000;
const TOKEN = 'bench-access-token';

const server = await startRoomServer();
const roomUrl = `${server.url}/rooms/${encodeURIComponent(ROOM.id)}`;
const spark = new SparkClient({ accessToken: TOKEN, baseUrl: server.url });
const openapiFetch = createClient({ baseUrl: server.url, headers: { authorization: `Bearer ${TOKEN}` } });
const axiosClient = axios.create({ baseURL: server.url, headers: { authorization: `Bearer ${TOKEN}` } });

const check = (room) => {
  if (room?.id !== ROOM.id) throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
};
const contenders = [
  { name: 'raw fetch (+ response.json())', op: async () => {
    const response = await fetch(roomUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(String(response.status));
    check(await response.json());
  } },
  // What any client with a per-request timeout pays on top: an AbortController, a timer, a signal fetch follows.
  { name: 'raw fetch with a timeout (AbortController + timer)', op: async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const response = await fetch(roomUrl, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
      if (!response.ok) throw new Error(String(response.status));
      check(await response.json());
    } finally {
      clearTimeout(timer);
    }
  } },
  { name: 'openapi-fetch 0.17 (plain createClient)', op: async () => {
    const { data, error } = await openapiFetch.GET('/rooms/{roomId}', { params: { path: { roomId: ROOM.id } } });
    if (error) throw new Error('error');
    check(data);
  } },
  { name: '**@apiclients/spark** `rooms.get`', op: async () => check(await spark.rooms.get({ roomId: ROOM.id })) },
  { name: `axios ${axios.VERSION} (http adapter)`, op: async () => check((await axiosClient.get(`/rooms/${encodeURIComponent(ROOM.id)}`)).data) },
];

const signed = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(0)}%`;

/** `count` calls of `op`, `inFlight` at a time; resolves to the elapsed ms. */
async function runMany(op, count, inFlight) {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await op();
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return performance.now() - began;
}

const modes = [
  { title: `${whole(REQUESTS)} sequential GETs`, inFlight: 1 },
  { title: `${whole(REQUESTS)} GETs, 64 in flight`, inFlight: 64 },
];
for (const contender of contenders) for (const mode of modes) await runMany(contender.op, WARMUP, mode.inFlight);

// Each contender's 10 000 requests are sent in CHUNKS chunks, interleaved with the other contenders' chunks in a
// rotating order, so that a busy moment of the machine is shared by all instead of landing on one contender.
const ms = new Map();
const cpu = new Map(); // µs of this process's CPU (the client's; the server runs elsewhere)
for (let chunk = 0; chunk < CHUNKS; chunk++) {
  for (const mode of modes) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(chunk + k) % contenders.length];
      const key = `${mode.inFlight}/${contender.name}`;
      const cpuBefore = process.cpuUsage();
      ms.set(key, [...(ms.get(key) ?? []), await runMany(contender.op, REQUESTS / CHUNKS, mode.inFlight)]);
      const used = process.cpuUsage(cpuBefore);
      cpu.set(key, (cpu.get(key) ?? 0) + used.user + used.system);
    }
  }
}
await server.close();

console.log(`Loopback HTTP/1.1 (keep-alive) to a node:http server in another process; each contender's requests in ${CHUNKS} chunks interleaved with the others'; client CPU = this process's process.cpuUsage() (Node ${process.version})`);
const verdicts = [];
for (const mode of modes) {
  const rows = contenders.map((c) => {
    const chunks = ms.get(`${mode.inFlight}/${c.name}`);
    return { name: c.name, ms: chunks.reduce((a, b) => a + b, 0), min: Math.min(...chunks), max: Math.max(...chunks), cpuMicros: cpu.get(`${mode.inFlight}/${c.name}`) / REQUESTS };
  });
  const fastest = Math.min(...rows.map((r) => r.ms));
  console.log(`\n**${mode.title}**\n`);
  console.log(
    markdownTable(
      [{ title: 'contender' }, { title: 'ms', align: 'right' }, { title: 'req/s', align: 'right' }, { title: `chunk of ${whole(REQUESTS / CHUNKS)} min–max ms`, align: 'right' }, { title: 'vs fastest', align: 'right' }, { title: 'client CPU µs/req', align: 'right' }],
      rows.map((r) => [r.name, whole(r.ms), whole((REQUESTS * 1000) / r.ms), `${whole(r.min)}–${whole(r.max)}`, ratioToFastest(r.ms, fastest), r.cpuMicros.toFixed(0)]),
    ),
  );
  const [raw, withTimeout, , ours] = rows;
  const wallOver = ours.ms / raw.ms - 1;
  const cpuOver = ours.cpuMicros / raw.cpuMicros - 1;
  verdicts.push(
    `- ${mode.title}: ${verdict(wallOver <= 0.05 && cpuOver <= 0.05, `ours ${whole(ours.ms)} ms vs raw fetch ${whole(raw.ms)} ms: +${(wallOver * 100).toFixed(0)}% by the clock; ` +
      `client CPU ${ours.cpuMicros.toFixed(0)} vs ${raw.cpuMicros.toFixed(0)} µs/request: +${(cpuOver * 100).toFixed(0)}%`)}` +
      `; against raw fetch with a timeout: ${signed(ours.ms / withTimeout.ms - 1)} by the clock, ${signed(ours.cpuMicros / withTimeout.cpuMicros - 1)} client CPU`,
  );
}
console.log(`\nTarget: ours within 5% of raw fetch\n${verdicts.join('\n')}`);
