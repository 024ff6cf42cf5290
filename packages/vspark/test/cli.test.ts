import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { COMPANY_TOKENS, csvFor, ROOT_TOKEN, startFakeVSpark, type FakeVSpark } from './fake-vspark.js';

let fake: FakeVSpark;
const dirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeVSpark();
});
afterAll(async () => {
  await fake.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'vspark-status-'));
  dirs.push(dir);
  return dir;
}

async function run(args: string[], tty = false, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: tty },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty },
    env,
  });
  return { code, stdout, stderr, all: stdout + stderr };
}

const secrets = [ROOT_TOKEN, ...Object.values(COMPANY_TOKENS)];

describe('vspark-status', () => {
  it('writes CSV files byte for byte, reports the failing folder, exits 1, prints no token', async () => {
    const out = tempDir();
    const r = await run([fake.host, ROOT_TOKEN, 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual([
      'Acme-Acme-Sales-Inbound-status.csv',
      'Acme-Acme-Sales-Outbound-status.csv',
      'Acme-Acme-Support-Tier1-status.csv',
      'Beta-Beta-Ops-Calls-status.csv',
    ]);
    expect(readFileSync(join(out, 'Beta-Beta-Ops-Calls-status.csv')).equals(Buffer.from(csvFor('Calls')))).toBe(true);
    expect(r.stdout).toContain('4 of 5 folders exported');
    expect(r.stdout).toContain('1 failed');
    expect(r.stderr).toContain('failed: Beta-Beta-Ops-Broken: 404');
    for (const secret of secrets) expect(r.all).not.toContain(secret);
  });

  it('exits 0 when every folder works (JSON), with progress on a TTY', async () => {
    const out = tempDir();
    const r = await run([fake.host, ROOT_TOKEN, 'json', '--out', out, '--concurrency', '8'], true);
    // The broken folder still fails; progress lines were drawn on the TTY.
    expect(r.stderr).toMatch(/\[\d\/5\]/);
    expect(existsSync(join(out, 'Acme-Acme-Sales-Inbound-status.json'))).toBe(true);
    for (const secret of secrets) expect(r.all).not.toContain(secret);
  });

  it('gives one clear line for a wrong token, no stack trace, no token, and creates no --out folder', async () => {
    const wrong = 'wrong-token-1234567';
    const out = join(tempDir(), 'not-yet');
    const r = await run([fake.host, 'json', '--out', out], false, { VSPARK_TOKEN: wrong });
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('refused the token (401)');
    expect(r.all).not.toContain(wrong);
    expect(r.all).not.toMatch(/\n\s+at /);
  });

  it('says so when the host cannot be reached', async () => {
    const r = await run(['127.0.0.1:1', ROOT_TOKEN, 'json', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot reach 127.0.0.1:1');
    expect(r.all).not.toContain(ROOT_TOKEN);
  });

  it('refuses a host pasted with its ?token=, user info or fragment, quoting it without the token', async () => {
    for (const host of [`${fake.url}/?token=${ROOT_TOKEN}`, `http://admin:${ROOT_TOKEN}@${fake.host}`, `${fake.host}/status?token=${ROOT_TOKEN}`, `http://127.0.0.1:1/#${ROOT_TOKEN}`]) {
      const r = await run([host, 'json', '--out', tempDir()], false, { VSPARK_TOKEN: ROOT_TOKEN });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('host must look like');
      expect(r.all).not.toContain(ROOT_TOKEN);
    }
  });

  it('reads the token from VSPARK_TOKEN or --token-file without a warning; a token argument warns that ps shows it', async () => {
    const fromEnv = await run([fake.host, 'csv', '--out', tempDir()], false, { VSPARK_TOKEN: ROOT_TOKEN });
    expect(fromEnv.code).toBe(1); // the fake's broken folder
    expect(fromEnv.stdout).toContain('4 of 5 folders exported');
    expect(fromEnv.stderr).not.toContain('warning');
    const file = join(tempDir(), 'token');
    writeFileSync(file, `${ROOT_TOKEN}\n`);
    const fromFile = await run([fake.host, 'csv', '--out', tempDir(), '--token-file', file]);
    expect(fromFile.stdout).toContain('4 of 5 folders exported');
    expect(fromFile.stderr).not.toContain('warning');
    const positional = await run([fake.host, ROOT_TOKEN, 'csv', '--out', tempDir()]);
    expect(positional.stderr).toContain('warning: a token given as an argument is visible in `ps`');
    for (const r of [fromEnv, fromFile, positional]) for (const secret of secrets) expect(r.all).not.toContain(secret);
    const none = await run([fake.host, 'csv']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no token: set VSPARK_TOKEN or pass --token-file FILE');
  });

  it('--quiet prints the summary alone; --help says options, defaults, environment and exit codes; --version', async () => {
    const quiet = await run([fake.host, 'csv', '--out', tempDir(), '--quiet'], false, { VSPARK_TOKEN: ROOT_TOKEN });
    expect(quiet.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^4 of 5 folders exported to .*; 1 failed$/)]);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const part of ['--token-file FILE', 'default 4', 'VSPARK_TOKEN', 'Exit codes:', '2  bad usage']) expect(help.stdout).toContain(part);
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await run([fake.host, ROOT_TOKEN])).code).toBe(2);
    expect((await run([fake.host, ROOT_TOKEN, 'xml'])).stderr).toContain('format must be json or csv');
    expect((await run([fake.host, ROOT_TOKEN, 'json', '--concurrency', '0'])).code).toBe(2);
    expect((await run([fake.host, ROOT_TOKEN, 'json', '--bogus'])).code).toBe(2);
  });

  it('runs as the built bin', async () => {
    const bin = join(import.meta.dirname, '..', 'dist', 'cli.js');
    expect(existsSync(bin), 'build the package first (turbo runs build before test:unit)').toBe(true);
    const out = tempDir();
    // Asynchronous: the fake server lives in this process and must keep answering.
    const child = spawn(process.execPath, [bin, fake.host, ROOT_TOKEN, 'csv', '--out', out]);
    const r = { stdout: '', stderr: '', status: null as number | null };
    child.stdout.on('data', (d: Buffer) => (r.stdout += d));
    child.stderr.on('data', (d: Buffer) => (r.stderr += d));
    r.status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('4 of 5 folders exported');
    expect(readdirSync(out)).toHaveLength(4);
    for (const secret of secrets) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
