#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): GET /rooms/{roomId} against a node:http server on 127.0.0.1
// (its own process) answering a small JSON room: 10 000 requests one after another, and 10 000 with 64 in
// flight. Vendor: Spark (`SparkClient.rooms.get` with baseUrl set to the server: on the Node transport (undici)
// with its default timeout and with none, and on fetch), against bare `undici.request` (the limit), raw fetch
// (plain, given a signal, with a timeout, and once more as a control), plain openapi-fetch and axios (Node's http
// adapter, keep-alive global agent); see lib/loopback-contenders.mjs. Contenders run in
// interleaved chunks; the figure is the total of a contender's chunks. Run: npm run bench -- loopback
import { loopbackContenders } from './lib/loopback-contenders.mjs';
import { startRoomServer } from './lib/room-server.mjs';
import { markdownTable, ratioToFastest, signedPercent, verdict, whole } from './lib/table.mjs';
import { runMany } from './lib/run-many.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10);
const WARMUP = 1_000;

const server = await startRoomServer();
const contenders = loopbackContenders(server.url);

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
  const row = (key) => rows[contenders.findIndex((c) => c.key === key)];
  const raw = row('raw');
  const over = (r, base = raw) => ({ wall: r.ms / base.ms - 1, cpu: r.cpuMicros / base.cpuMicros - 1 });
  const throughput = (r, base) => base.ms / r.ms; // × the requests per second of `base`
  const ours = row('ours');
  const times = (key) => `${throughput(ours, row(key)).toFixed(2)}× ${row(key).name.split(' (')[0]}`;
  const ahead = ['raw', 'openapi-fetch', 'axios'].every((key) => throughput(ours, row(key)) >= 1.6);
  const limit = over(ours, row('undici-request'));
  const onFetch = over(row('ours-fetch'), row('raw-timeout'));
  const again = over(row('raw-again'));
  verdicts.push(
    `- ${mode.title}: ${verdict(ahead, `ours on undici serves ${times('raw')}, ${times('openapi-fetch')}, ${times('axios')} (target ≥ 1.6× each)`)}` +
      `; against bare \`undici.request\`: ${signedPercent(limit.wall)} by the clock, ${signedPercent(limit.cpu)} client CPU` +
      `; with \`timeoutMs: 0\`: ${throughput(row('ours-untimed'), raw).toFixed(2)}× raw fetch` +
      `; ours on fetch against raw fetch with a timeout: ${signedPercent(onFetch.wall)} by the clock, ${signedPercent(onFetch.cpu)} client CPU` +
      `; the same raw fetch run twice differs by ${signedPercent(again.wall)} by the clock, ${signedPercent(again.cpu)} CPU (this table's resolution)`,
  );
}
console.log(`\nTarget: ours (Node transport on undici, default timeout) at least 1.6× the requests per second of raw fetch, openapi-fetch and axios, in this run (bench/loopback-instructions.mjs counts instructions, which the machine's load does not move)\n${verdicts.join('\n')}`);
