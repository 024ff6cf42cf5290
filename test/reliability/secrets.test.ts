/**
 * Property 3, nothing leaks: whatever goes wrong, no error (message, String(), JSON.stringify, util.inspect, the
 * stack, the cause chain), no log line and no CLI output contains a credential: Spark's Bearer token,
 * Statuspage's `OAuth` key, V-Spark's `?token=`, VSS's bearer token and its login's HTTP Basic user:password.
 * The server here is hostile: it echoes the request (URL, Authorization) in bodies and response headers.
 * Every log line is checked at `debug`, the level that also shows bodies: given a logger, and through
 * `APICLIENTS_LOG=debug` on standard error.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '@apiclients/core';
import { reply, type Reply } from './support/fault-server.js';
import { outcomeOf, until, useFaultServer } from './support/use-fault-server.js';
import { VENDORS, type VendorCall, type VendorSetup } from './support/vendors.js';

const server = useFaultServer();

/** Every way an error is commonly printed, its causes included. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    out.push(String(e), JSON.stringify(e) ?? '', inspect(e, { depth: 10 }), inspect(e, { depth: 10, showHidden: true }));
    if (e instanceof Error) out.push(e.message, e.stack ?? '');
  }
  return out;
}

/** Every form a secret could be printed in. */
const formsOf = (secrets: string[]) => secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);

function expectNoSecret(texts: string[], vendor: VendorSetup): void {
  for (const form of formsOf(vendor.secrets)) for (const text of texts) expect(text).not.toContain(form);
}

const SCENARIOS: { name: string; replies: () => Reply[]; options?: object; abort?: boolean }[] = [
  { name: '401 echoing the request', replies: () => [reply.echo(401)] },
  { name: '403 echoing it as plain text', replies: () => [reply.echo(403, 'text/plain')] },
  { name: '503 echoing, retried, then again', replies: () => [reply.echo(503), reply.echo(503)], options: { maxRetries: 1 } },
  { name: 'rate limit echoing, beyond the wait cap', replies: () => [reply.echo(429)], options: { maxRetryDelayMs: 1_000 } },
  { name: '200 whose body is broken JSON echoing the request', replies: () => [reply.echo(200)] },
  { name: '200 HTML page echoing the request', replies: () => [reply.echo(200, 'text/html')] },
  { name: 'connection reset', replies: () => [reply.resetBeforeHeaders(), reply.resetMidBody()], options: { maxRetries: 1 } },
  { name: 'stall until the timeout', replies: () => [reply.stallBeforeHeaders()], options: { timeoutMs: 200 } },
  { name: 'abort while stalled', replies: () => [reply.stallBeforeHeaders()], abort: true },
];

const callsOf = (vendor: VendorSetup): VendorCall[] => [vendor.get, ...vendor.calls.filter((c) => c !== vendor.get)];

describe.each(VENDORS)('$name', (vendor) => {
  describe.each(callsOf(vendor))('$name', (call) => {
    it.each(SCENARIOS)('$name: no secret in the error or the log', async ({ replies, options, abort }) => {
      const lines: string[] = [];
      const logger = { debug: (line: string) => lines.push(line), info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
      server().enqueue(...replies());
      server().fallback = () => replies().at(-1)!;
      const controller = new AbortController();
      const pending = outcomeOf(call.run(server().url, { maxRetries: 0, logger, logLevel: 'debug', ...options }, { signal: controller.signal }));
      if (abort) {
        await until(() => server().requests.length > 0);
        controller.abort(new Error('stop'));
      }
      const error = await pending;
      expect(error).toBeInstanceOf(ApiClientError);
      expect(server().requests.length).toBeGreaterThan(0);
      expect(server().requests.every((r) => vendor.carriesCredential(r))).toBe(call.name.startsWith('accessTokens') ? false : true);
      expect(lines.length).toBeGreaterThan(0);
      expectNoSecret([...renderings(error), ...lines], vendor);
    });
  });
});

// A 200 whose well-formed JSON body repeats the request: its URL, every header, the Authorization value alone.
const okEcho: Reply = (response, request) =>
  reply.json({ url: request.url, headers: request.headers, authorization: request.headers.authorization ?? null })(response, request);

describe.each(VENDORS)('$name with APICLIENTS_LOG=debug', (vendor) => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  it.each(callsOf(vendor))('$name: a success echoing the request, every line on standard error free of secrets', async (call) => {
    vi.stubEnv('APICLIENTS_LOG', 'debug');
    const written: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
    server().fallback = () => okEcho;
    await outcomeOf(call.run(server().url, { maxRetries: 0 }, {}));
    expect(server().requests.length).toBeGreaterThan(0);
    // The request and its answer, the answer's body shown (the echo, redacted).
    expect(written.some((line) => line.startsWith('[apiclients] → '))).toBe(true);
    expect(written.some((line) => /^\[apiclients\] ← 200 .*\) \{"url":/.test(line))).toBe(true);
    expectNoSecret(written, vendor);
  });
});

// The vspark-status CLI takes the token on its command line and prints progress and failures.
const CLI = fileURLToPath(new URL('../../packages/vspark/dist/cli.js', import.meta.url));
const COMPANY_TOKEN = 'company-token-5f3c2a1b-77aa';

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('vspark-status CLI output', () => {
  const vspark = VENDORS.find((v) => v.name === 'vspark')!;
  const scenarios: [string, (request: { url: string }) => Reply][] = [
    ['the root token refused (401 echoing it)', () => reply.echo(401)],
    ['a server that resets every connection', () => reply.resetBeforeHeaders()],
    [
      'every folder failing with echoing 503s and broken JSON',
      ({ url }) =>
        url.startsWith('/config/folders') ? reply.json({ co: { org: { f1: {}, f2: {} } } })
        : url.startsWith('/config') ? reply.json({ co: { uuid: COMPANY_TOKEN } })
        : url.includes('f1') ? reply.echo(503)
        : reply.echo(200),
    ],
  ];
  it.each(scenarios)('%s: neither the root nor a company token is printed', async (_, answer) => {
    server().fallback = answer;
    const out = await mkdtemp(join(tmpdir(), 'vspark-status-'));
    try {
      const { code, output } = await runCli([server().url, vspark.secrets[0]!, 'json', '--out', out]);
      expect(code).not.toBe(0);
      expect(output).toMatch(/vspark-status|failed/);
      expect(server().requests.length).toBeGreaterThan(0);
      expectNoSecret([output], { ...vspark, secrets: [...vspark.secrets, COMPANY_TOKEN] });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
