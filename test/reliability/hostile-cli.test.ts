/**
 * The `vspark-status` CLI against server-chosen names (issue 22): folders whose names collide once made safe
 * (`a/b`, `a_b`, `A_B`) get one file each and the summary counts the files written; names holding escape
 * sequences (a screen clear, an OSC 52 clipboard write), C1 controls or bidi overrides, and server messages
 * holding them, reach the terminal escaped; Windows-reserved characters and device names never reach a file name;
 * every file is whole JSON and no temporary file is left.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { reply } from './support/fault-server.js';
import { useFaultServer } from './support/use-fault-server.js';

const server = useFaultServer();
const CLI = fileURLToPath(new URL('../../packages/vspark/dist/cli.js', import.meta.url));
const ROOT = 'root-token-cli-names-123456';
const HOSTILE = '\u001b[2J\u001b]52;c;cm0gLXJmIH4=\u0007\u009b31m\u202etxt.exe';
const FOLDERS = ['a/b', 'a_b', 'A_B', 'NUL', 'x:y?z', `evil${HOSTILE}`, 'fails'];
// Terminal-affecting characters: C0 controls but newline, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

it('writes one whole file per folder under a safe unique name, and prints nothing raw', async () => {
  server().fallback = ({ url }) => {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    if (path === '/config/folders') return reply.json({ co: { org: Object.fromEntries(FOLDERS.map((f) => [f, {}])) } });
    if (path === '/config') return reply.json({ co: { uuid: 'company-token-cli-9f8e7d' } });
    if (path.endsWith('/fails')) return reply.json({ message: `no such folder ${HOSTILE}` }, 503);
    return reply.json({ folder: path, queued: 1 });
  };
  const out = await mkdtemp(join(tmpdir(), 'vspark-names-'));
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, server().url, ROOT, 'json', '--out', out, '--concurrency', '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('close', (exitCode) => resolve({ code: exitCode, output: text }));
    });
    expect(code).toBe(1);
    const files = await readdir(out);
    // Six folders exported, six files, as the summary says; no temporary file left behind.
    expect(files).toHaveLength(FOLDERS.length - 1);
    expect(output).toContain(`${FOLDERS.length - 1} of ${FOLDERS.length} folders exported`);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    for (const file of files) {
      expect(file).not.toMatch(/[<>:"\\|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(file).not.toMatch(/^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\.|-status)/i);
      expect(file).toMatch(/-status(~[0-9a-f]{8})?\.json$/);
      JSON.parse(await readFile(join(out, file), 'utf8'));
    }
    // What the folders hold made it to distinct files: every folder path served appears in exactly one file.
    const contents = await Promise.all(files.map((f) => readFile(join(out, f), 'utf8')));
    for (const folder of FOLDERS.filter((f) => f !== 'fails')) {
      expect(contents.filter((c) => (JSON.parse(c) as { folder: string }).folder === `/status/co/org/${folder}`)).toHaveLength(1);
    }
    expect(output).not.toMatch(RAW_CONTROL);
    expect(output).toContain('\\u{1b}');
    expect(output).toContain('failed: co-org-fails');
    expect(output).not.toContain(ROOT);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
