/**
 * vspark-status on a real terminal: the built bin runs under a pseudo-terminal (util-linux `script`, as on Debian,
 * so `isTTY` is what Node itself finds), against a fake V-Spark with more than 20 folders. It draws a progress line
 * and prints the summary instead of a line per file; through pipes, or with 20 folders or fewer, it prints a line
 * per file as before.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT_TOKEN, startFakeVSpark, type FakeVSpark } from './fake-vspark.js';

const bin = join(import.meta.dirname, '..', 'dist', 'cli.js');
// 26 folders: past the 20 a terminal gets a line each for (cli.ts, LINES_ON_A_TERMINAL).
const MANY = { Acme: { 'Acme-Sales': Array.from({ length: 25 }, (_, i) => `Queue${String(i + 1).padStart(2, '0')}`) }, Beta: { 'Beta-Ops': ['Calls'] } };

let many: FakeVSpark;
let few: FakeVSpark;
const dirs: string[] = [];
beforeAll(async () => {
  [many, few] = await Promise.all([startFakeVSpark({ tree: MANY }), startFakeVSpark()]);
});
afterAll(async () => {
  await Promise.all([many.close(), few.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function outDir() {
  const dir = mkdtempSync(join(tmpdir(), 'vspark-status-tty-'));
  dirs.push(dir);
  return dir;
}

/**
 * Runs the bin on `host` (the token from VSPARK_TOKEN), on a pseudo-terminal or through pipes. Asynchronous: the
 * fakes live in this process and must keep answering. On the terminal, stdout and stderr are the same device, as
 * for a user; `script -e` exits with the bin's code.
 */
function runBin(host: string, out: string, terminal: boolean): Promise<{ code: number | null; output: string }> {
  const args = [bin, host, 'json', '--out', out];
  // The arguments are a loopback host and a mkdtemp path: nothing a shell would read differently, quoted anyway.
  const command = [process.execPath, ...args].map((arg) => `'${arg}'`).join(' ');
  const child = terminal
    ? spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], { env: { ...process.env, VSPARK_TOKEN: ROOT_TOKEN, TERM: 'xterm' }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { env: { ...process.env, VSPARK_TOKEN: ROOT_TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/**
 * The per-file lines (`wrote /tmp/…/X-status.json`), once the progress line's erasing is taken out: the progress
 * line says `[n/N] wrote X`, never the path.
 */
const fileLines = (output: string, out: string) =>
  output.replaceAll('\u001b[K', '').split(/[\r\n]+/).filter((line) => line.startsWith(`wrote ${out}`));

it('has util-linux script and a built bin to run', () => {
  expect(execFileSync('script', ['--version'], { encoding: 'utf8' }), 'util-linux script makes the pseudo-terminal').toContain('util-linux');
  expect(existsSync(bin), 'build the package first (turbo runs build before test:unit)').toBe(true);
});

it('on a terminal, past 20 folders: a progress line and the summary, no line per file', async () => {
  const out = outDir();
  const { code, output } = await runBin(many.host, out, true);
  expect(code, output).toBe(0);
  expect(readdirSync(out)).toHaveLength(26);
  // One progress line, redrawn in place (carriage return, erase line) up to the last folder, then erased.
  expect(output).toMatch(/\r\u001b\[K\[1\/26\] wrote \w/);
  expect(output).toMatch(/\r\u001b\[K\[26\/26\] wrote \w/);
  expect(output.match(/\[\d+\/26\]/g)).toHaveLength(26);
  expect(output).toMatch(new RegExp(`26 of 26 folders exported to ${out}\\r?\\n`));
  expect(fileLines(output, out)).toEqual([]);
  expect(output).not.toContain(ROOT_TOKEN);
}, 60_000);

it('through pipes, past 20 folders: a line per file and no progress line', async () => {
  const out = outDir();
  const { code, output } = await runBin(many.host, out, false);
  expect(code, output).toBe(0);
  expect(fileLines(output, out)).toHaveLength(26);
  expect(output).not.toContain('\u001b[K');
  expect(output).toContain(`26 of 26 folders exported to ${out}`);
}, 60_000);

it('on a terminal, 20 folders or fewer: the progress line and a line per file', async () => {
  const out = outDir();
  const { code, output } = await runBin(few.host, out, true);
  expect(code, output).toBe(1); // the fake's broken folder
  expect(output).toMatch(/\r\u001b\[K\[\d\/5\] wrote \w/);
  expect(fileLines(output, out)).toHaveLength(4);
  expect(output).toContain('failed: Beta-Beta-Ops-Broken: 404');
}, 60_000);
