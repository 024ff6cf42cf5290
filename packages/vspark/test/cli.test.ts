import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

async function run(args: string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: tty },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty },
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

  it('gives one clear line for a wrong token, no stack trace, no token', async () => {
    const wrong = 'wrong-token-1234567';
    const r = await run([fake.host, wrong, 'json', '--out', tempDir()]);
    expect(r.code).toBe(1);
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
