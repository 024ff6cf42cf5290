#!/usr/bin/env node
// npm run bench [-- NAME…] [-- --write]: runs every benchmark in bench/ (or the named ones), one after another.
// With --write, also writes their output to bench/RESULTS.md, headed by the machine, Node version, date and command,
// so the file can be reproduced. Build first (`npm run build`): the benchmarks import the packages' dist/.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const dir = import.meta.dirname;
const write = process.argv.includes('--write');
const wanted = process.argv.slice(2).filter((arg) => arg !== '--write');
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && (wanted.length === 0 || wanted.some((w) => f.includes(w))))
  .sort();

/** The machine, for the head of RESULTS.md. */
function machine() {
  const gib = (bytes) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {}
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return [
    `- CPU: ${model}, ${availableParallelism()} cores available (nproc)`,
    `- Memory: ${gib(totalmem())} total, ${gib(freemem())} free at start (free -h summary)`,
    `- Load average at start: ${one} ${five} ${fifteen} (1, 5, 15 min)`,
    `- Node ${process.version} on ${process.platform}-${process.arch}`,
  ].join('\n');
}

const started = new Date();
const header = machine();
const sections = [];
for (const bench of benches) {
  console.log(`\n## ${bench}\n`);
  const began = performance.now();
  const child = spawn(process.execPath, [join(dir, bench)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    output += chunk;
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) process.exitCode = 1;
  const seconds = ((performance.now() - began) / 1000).toFixed(0);
  sections.push(`## ${bench}\n\n${output.trim()}\n\n_${code === 0 ? `ran in ${seconds} s` : `**exited with ${code}** after ${seconds} s`}_`);
}

if (write) {
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
  const text = [
    '# Benchmark results',
    '',
    `Written by \`${command}\` (bench/run.mjs) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, after \`npm run build\`.`,
    'Every benchmark runs all its contenders in the same run; figures are only comparable within one table.',
    '',
    header,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  writeFileSync(join(dir, 'RESULTS.md'), text);
  console.log(`\nwrote bench/RESULTS.md`);
}
