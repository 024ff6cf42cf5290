// Runs a Node script in a child process and measures it: wall time, CPU time and peak RSS. Peak memory comes from
// GNU time (`/usr/bin/time -v`, which also counts the child's own children, such as redocly under generate.mjs);
// without it, from the child's own process.resourceUsage() (children of the child then not counted).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const REPORT_ON_EXIT = join(import.meta.dirname, 'report-usage-on-exit.mjs');

/** `node script …args` measured: `{ code, stdout, stderr, wallMs, cpuMs, maxRssBytes, how }`. */
export async function measureNode(script, args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-measure-'));
  const report = join(dir, 'usage');
  const gnu = existsSync(GNU_TIME);
  const command = gnu ? GNU_TIME : process.execPath;
  const argv = gnu
    ? ['-v', '-o', report, process.execPath, script, ...args]
    : ['--import', pathToFileURL(REPORT_ON_EXIT).href, script, ...args];
  const began = performance.now();
  const child = spawn(command, argv, { cwd: options.cwd, env: { ...process.env, BENCH_USAGE_FILE: report }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const wallMs = performance.now() - began;
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  const field = (name) => Number(new RegExp(`${name}[^:]*:\\s*([\\d.]+)`).exec(text)?.[1] ?? NaN);
  const usage = gnu
    ? { cpuMs: (field('User time') + field('System time')) * 1000, maxRssBytes: field('Maximum resident set size') * 1024 }
    : JSON.parse(text || '{"cpuMs":null,"maxRssBytes":null}');
  return { code, stdout, stderr, wallMs, ...usage, how: gnu ? '/usr/bin/time -v' : 'process.resourceUsage() of the child' };
}
