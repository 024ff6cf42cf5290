/**
 * A Prism started by startMockServer never outlives the process that started it, even without stop(): on a normal
 * exit (the `exit` handler, and the preload as a second line), and on SIGKILL (the exit-with-parent preload alone).
 * The parent here is a child node process running test/fixtures/start-mock-then-wait.mjs against dist/.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processGone } from './process-gone.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/start-mock-then-wait.mjs', import.meta.url));

/** Starts the fixture and resolves with it and the pid of the Prism it started. */
async function parentWithMock(mode: 'exit' | 'wait') {
  const parent = spawn(process.execPath, [FIXTURE, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  parent.stdout.setEncoding('utf8');
  const prismPid = await new Promise<number>((resolve, reject) => {
    parent.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve(Number(stdout.trim()));
    });
    parent.once('exit', (code) => (stdout.includes('\n') ? undefined : reject(new Error(`fixture exited with ${code} before printing a pid`))));
  });
  return { parent, prismPid };
}

/** Waits until the process is gone, checking every 100 ms, for at most `ms`; returns whether it went. */
async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if (processGone(pid)) return true;
  }
  return processGone(pid);
}

describe('Prism dies with its parent', () => {
  it('when the parent exits without calling stop()', async () => {
    const { parent, prismPid } = await parentWithMock('exit');
    expect(prismPid).toBeGreaterThan(0);
    if (parent.exitCode === null) await once(parent, 'exit');
    expect(await waitUntilGone(prismPid, 20_000)).toBe(true);
  });

  it('when the parent is killed with SIGKILL, which runs no exit handler', async () => {
    const { parent, prismPid } = await parentWithMock('wait');
    expect(processGone(prismPid)).toBe(false);
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    expect(await waitUntilGone(prismPid, 20_000)).toBe(true);
  });
});
