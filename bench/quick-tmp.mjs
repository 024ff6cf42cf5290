import { loopbackContenders } from '/work/wt-undici/bench/lib/loopback-contenders.mjs';
import { startRoomServer } from '/work/wt-undici/bench/lib/room-server.mjs';
const server = await startRoomServer();
const cs = loopbackContenders(server.url).filter((c) => ['raw', 'undici-request', 'ours', 'ours-untimed', 'ours-fetch'].includes(c.key));
for (const c of cs) for (let i = 0; i < 1000; i++) await c.op();
for (let round = 0; round < 2; round++) for (const c of cs) { const t = performance.now(); const cpu = process.cpuUsage(); for (let i = 0; i < 3000; i++) await c.op(); const u = process.cpuUsage(cpu); console.log(c.key.padEnd(16), ((performance.now() - t) / 3).toFixed(0), 'µs/req wall', ((u.user + u.system) / 3000).toFixed(0), 'µs cpu'); }
await server.close();
