#!/usr/bin/env node
// Benchmark (prints figures; never a timed test): the loopback GET of bench/loopback.mjs, direct and through a
// forward proxy (the `proxy` npm package, in its own process; the room server is http, so requests go to the proxy
// in absolute form). Contenders: ours (`SparkClient.rooms.get` on the Node transport, default timeout) without a
// proxy and with the `proxy` option, and undici's own `fetch` without and with undici's `ProxyAgent` as its
// dispatcher (what other SDKs tell their users to pass). Interleaved chunks, as in loopback.mjs.
// Run: npm run bench -- proxied
import { SparkClient } from '@apiclients/spark';
import { fetch as undiciFetch, ProxyAgent, Agent } from 'undici';
import { ROOM } from './lib/fixtures.mjs';
import { startProxyServer } from './lib/proxy-server.mjs';
import { startRoomServer } from './lib/room-server.mjs';
import { markdownTable, whole } from './lib/table.mjs';
import { runMany } from './lib/run-many.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10);
const WARMUP = 500;
const TOKEN = 'bench-access-token';

const [room, proxy] = await Promise.all([startRoomServer(), startProxyServer()]);
const check = (got) => {
  if (got?.id !== ROOM.id) throw new Error(`unexpected answer: ${JSON.stringify(got)}`);
};
const roomUrl = `${room.url}/rooms/${encodeURIComponent(ROOM.id)}`;
const headers = { authorization: `Bearer ${TOKEN}` };
const direct = new SparkClient({ accessToken: TOKEN, baseUrl: room.url, proxy: false });
const proxied = new SparkClient({ accessToken: TOKEN, baseUrl: room.url, proxy: proxy.url });
const agent = new Agent();
const proxyAgent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
const viaFetch = (dispatcher) => async () => {
  const response = await undiciFetch(roomUrl, { headers, dispatcher, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(String(response.status));
  check(await response.json());
};
const contenders = [
  { key: 'ours', name: '**@apiclients/spark** `rooms.get` (Node transport), direct', op: async () => check(await direct.rooms.get(ROOM.id)) },
  { key: 'ours-proxied', name: '**@apiclients/spark** `rooms.get`, `proxy` option', op: async () => check(await proxied.rooms.get(ROOM.id)) },
  { key: 'fetch', name: 'undici `fetch` (60 s timeout signal), direct', op: viaFetch(agent) },
  { key: 'fetch-proxied', name: 'undici `fetch` with a `ProxyAgent` dispatcher', op: viaFetch(proxyAgent) },
];

const modes = [
  { title: `${whole(REQUESTS)} sequential GETs`, inFlight: 1 },
  { title: `${whole(REQUESTS)} GETs, 64 in flight`, inFlight: 64 },
];
for (const c of contenders) for (const mode of modes) await runMany(c.op, WARMUP, mode.inFlight);
const ms = new Map();
for (let chunk = 0; chunk < CHUNKS; chunk++) {
  for (const mode of modes) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(chunk + k) % contenders.length];
      const key = `${mode.inFlight}/${c.key}`;
      ms.set(key, (ms.get(key) ?? 0) + (await runMany(c.op, REQUESTS / CHUNKS, mode.inFlight)));
    }
  }
}
await Promise.all([direct.close(), proxied.close(), agent.close(), proxyAgent.close()]);
await Promise.all([room.close(), proxy.close()]);

console.log(`Loopback GET direct and through a forward proxy (the \`proxy\` package in its own process, absolute-form http); ${CHUNKS} interleaved chunks per contender (Node ${process.version})`);
for (const mode of modes) {
  const rps = (key) => (REQUESTS * 1000) / ms.get(`${mode.inFlight}/${key}`);
  console.log(`\n**${mode.title}**\n`);
  console.log(
    markdownTable(
      [{ title: 'contender' }, { title: 'req/s', align: 'right' }, { title: 'proxied vs direct', align: 'right' }],
      contenders.map((c) => [c.name, whole(rps(c.key)), c.key.endsWith('-proxied') ? `${(rps(c.key) / rps(c.key.replace('-proxied', ''))).toFixed(2)}×` : '']),
    ),
  );
  console.log(`\nThrough the proxy, ours serves ${(rps('ours-proxied') / rps('fetch-proxied')).toFixed(2)}× the requests per second of undici's fetch with a ProxyAgent.`);
}
