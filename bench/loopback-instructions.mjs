#!/usr/bin/env node
// Benchmark (prints figures): the loopback GET of bench/loopback.mjs, counted in CPU instructions by valgrind's
// callgrind instead of timed. A count does not move with what else the machine is doing (this 2-core machine's
// clock figures move by ±10–20% between runs, more than the 5% target), so small differences become visible.
//
// Method: each contender runs in its own `node --predictable` process (one thread, garbage collection at
// predictable points) under callgrind, twice: WARMUP requests then none, and WARMUP requests then N more. The
// difference divided by N is the instructions of one warmed-up request, start-up and warm-up cancelled out.
// Resolution, measured here: the same code counted twice in one run differed by 14% with `--predictable` alone
// (V8 sizes its heap by measured speeds), by 2.4% with the fixed GC schedule over 1 000 requests, and by 0.1–0.8%
// over 3 000; between two runs of this benchmark a contender's count moved by up to 4% (each process lays out its
// memory anew). The control row shows the in-run figure; read differences under ~4% as no difference.
// The room server runs in an untraced child process, so only the client's instructions are counted (user space
// only: the kernel's share of a socket write is not). Run: npm run bench -- loopback-instructions
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loopbackContenders } from './lib/loopback-contenders.mjs';
import { markdownTable, signedPercent, verdict, whole } from './lib/table.mjs';

const WARMUP = Number(process.env.BENCH_CALLGRIND_WARMUP ?? 1_500);
const REQUESTS = Number(process.env.BENCH_CALLGRIND_REQUESTS ?? 3_000);
// axios is left out: it runs the http module, not fetch, and bench/loopback.mjs already shows it slowest.
const KEYS = process.env.BENCH_CALLGRIND_CONTENDERS?.split(',') ?? ['raw', 'raw-again', 'raw-timeout', 'undici-request', 'openapi-fetch', 'ours', 'ours-untimed', 'ours-fetch'];
const child = join(import.meta.dirname, 'lib', 'loopback-one.mjs');
// One thread, and a garbage collector whose schedule does not depend on time: V8 otherwise sizes the heap by
// measured allocation and collection speeds, which valgrind and a busy machine change from run to run.
const NODE_FLAGS = ['--predictable', '--predictable-gc-schedule'];

if (spawnSync('valgrind', ['--version']).error) {
  console.log('valgrind is not installed (Debian: apt-get install valgrind): no instruction counts on this machine.');
  process.exit(0);
}

/** Instructions callgrind counted for one process: `requests` measured GETs after WARMUP. */
function instructions(key, requests) {
  return new Promise((resolve, reject) => {
    const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...NODE_FLAGS, child, key, String(WARMUP), String(requests)];
    const run = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    run.stderr.on('data', (chunk) => (log += chunk));
    run.on('exit', (code) => {
      const collected = /Collected : (\d+)/.exec(log)?.[1];
      if (code === 0 && collected) resolve(Number(collected));
      else reject(new Error(`${key}: valgrind exited with ${code}\n${log.slice(-2000)}`));
    });
  });
}

// Instruction counts are the same whatever else runs, so the runs share the machine's cores.
const jobs = KEYS.flatMap((key) => [[key, 0], [key, REQUESTS]]);
const counts = new Map();
const began = performance.now();
await Promise.all(
  Array.from({ length: availableParallelism() }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) counts.set(job.join('/'), await instructions(...job));
  }),
);
const perRequest = (key) => (counts.get(`${key}/${REQUESTS}`) - counts.get(`${key}/0`)) / REQUESTS;

const names = new Map(loopbackContenders('http://127.0.0.1:1').map((c) => [c.key, c.name]));
const raw = perRequest('raw');
const timed = perRequest('raw-timeout');
const bare = perRequest('undici-request');
// One decimal: the counts resolve differences well under a per cent.
const signed = (ratio) => signedPercent(ratio, 1);
console.log(
  `Instructions per loopback GET /rooms/{roomId} (client process only), by valgrind's callgrind: each contender twice in \`node ${NODE_FLAGS.join(' ')}\`, ` +
    `${whole(WARMUP)} warm-up requests then 0 or ${whole(REQUESTS)} measured; per request = difference / ${whole(REQUESTS)} (Node ${process.version}; ${((performance.now() - began) / 1000).toFixed(0)} s)\n`,
);
console.log(
  markdownTable(
    [{ title: 'contender' }, { title: 'instructions / request', align: 'right' }, { title: 'vs bare undici.request', align: 'right' }, { title: 'vs raw fetch', align: 'right' }, { title: 'vs raw fetch with a timeout', align: 'right' }],
    KEYS.map((key) => [names.get(key), whole(perRequest(key)), signed(perRequest(key) / bare - 1), signed(perRequest(key) / raw - 1), signed(perRequest(key) / timed - 1)]),
  ),
);
const ours = perRequest('ours') / bare - 1;
const untimed = perRequest('ours-untimed') / bare - 1;
console.log(`\nTargets: ours on undici within 10% of bare \`undici.request\`; ours on fetch within 5% of raw fetch with a timeout`);
console.log(`- ours, default timeout (60 s): ${verdict(ours <= 0.1, `${signed(ours)} instructions per request against bare undici.request`)}; ${signed(perRequest('ours') / raw - 1)} against raw fetch`);
console.log(`- ours, \`timeoutMs: 0\`: ${verdict(untimed <= 0.1, `${signed(untimed)} against bare undici.request`)}`);
console.log(`- ours on fetch (\`fetch: globalThis.fetch\`): ${verdict(perRequest('ours-fetch') / timed - 1 <= 0.05, `${signed(perRequest('ours-fetch') / timed - 1)} against raw fetch with a timeout`)}`);
console.log(`- raw fetch costs ${signed(raw / bare - 1)} over bare undici.request; a timeout costs raw fetch ${signed(timed / raw - 1)}`);
console.log(`- resolution: the same raw fetch counted twice differs by ${signed(perRequest('raw-again') / raw - 1)}`);
