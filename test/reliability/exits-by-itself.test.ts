/**
 * Property 2, no handle left behind: a child process makes faulty requests with every vendor client (timeouts,
 * resets, aborted waits and lists, keep-alive successes) and must then exit by itself, with code 0, before a kill
 * timer fires.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { reply } from './support/fault-server.js';
import { useFaultServer } from './support/use-fault-server.js';

const server = useFaultServer();
const SCRIPT = fileURLToPath(new URL('./support/faulty-requests.mjs', import.meta.url));
const KILL_AFTER_MS = 40_000;

function runChild(url: string): Promise<{ code: number | null; signal: string | null; killedByTimer: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let killedByTimer = false;
    const timer = setTimeout(() => {
      killedByTimer = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain before resolving.
      setImmediate(() => resolve({ code, signal, killedByTimer, stdout, stderr }));
    });
  });
}

it('a process that made faulty requests with every client exits by itself', async () => {
  server().fallback = (request) => {
    const scenario = request.url.split('/')[1];
    if (scenario === 'stall') return reply.stallBeforeHeaders();
    if (scenario === 'reset') return reply.resetBeforeHeaders();
    if (scenario === 'limited') return reply.status(429, '300');
    return reply.json({ data: { id: 1 }, items: [] });
  };
  // The server keeps stalled connections open, so only the client can end them.
  const result = await runChild(server().url);
  expect(result.stderr).toBe('');
  expect(result.killedByTimer).toBe(false);
  expect(result.signal).toBeNull();
  expect(result.code).toBe(0);
  const outcomes = JSON.parse(result.stdout) as Record<string, Record<string, string>>;
  for (const vendor of ['spark', 'statuspage', 'vss', 'vspark']) {
    expect(outcomes[vendor]).toMatchObject({ ok: 'ok', stall: 'TimeoutError', reset: 'ConnectionError', rateLimitAborted: 'AbortError' });
  }
  expect(outcomes.spark?.listAborted).toBe('AbortError');
  expect(outcomes.vss?.listAborted).toBe('AbortError');
}, 60_000);
