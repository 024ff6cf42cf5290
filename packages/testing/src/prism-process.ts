/**
 * Runs `prism mock` as a direct child of this process: node with Prism's JS entry (never npx, which would put npm
 * between us and Prism and leave Prism behind as a grandchild when npm is killed). Prism 5 serves from that one
 * process (`--multiprocess` is off by default), so its pid is the server's.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { killOnExit } from './children-killed-on-exit.js';
import { MockServerStartError } from './mock-server-start-error.js';
import { hasExited, stopperFor } from './stop-child.js';
import { waitUntilListening } from './wait-until-listening.js';

/** Prism's CLI entry (the `prism` bin of @stoplight/prism-cli), resolved from this package. */
const prismEntry = () => createRequire(import.meta.url).resolve('@stoplight/prism-cli');
/** Makes Prism exit when its stdin pipe from us closes, i.e. when we die, however we die. */
const EXIT_WITH_PARENT = fileURLToPath(new URL('../preload/exit-with-parent.cjs', import.meta.url));
/** The mock front, started inside the Prism process (the built entry: from src/ in tests, from dist/ when published). */
const FRONT_MAIN = pathToFileURL(fileURLToPath(new URL('../dist/front-main.js', import.meta.url))).href;

/** Prism prints this once its HTTP server listens (prism-cli dist/util/createServer.js). */
const LISTENING = /Prism is listening on/;
/** Prism listens on loopback only: clients reach it through the front. */
export const PRISM_HOST = '127.0.0.1';
const OUTPUT_LINES_KEPT = 50;
const STOP_GRACE_MS = 3_000;

/** A Prism that listens. */
export interface PrismProcess {
  pid: number;
  /** SIGTERM, then SIGKILL after 3 s; resolves once Prism has exited. Calling it again returns the same promise. */
  stop(): Promise<void>;
}

export interface PrismProcessOptions {
  spec: string;
  host: string;
  port: number;
  /** More `prism mock` arguments (`--dynamic`, `--errors`, `--seed …`). */
  args: string[];
  timeoutMs: number;
  log: ((line: string) => void) | undefined;
  /** Clients reach the front on host:port; Prism listens behind it on 127.0.0.1:prismPort. */
  front: { prismPort: number; vendor: string };
}

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** Calls `onLine` with each non-empty line of `stream`, colours removed. */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const raw of lines) {
      const line = stripAnsi(raw).trimEnd();
      if (line) onLine(line);
    }
  });
}

/**
 * Starts Prism and resolves once it listens.
 *
 * @throws {MockServerStartError} When Prism exits or does not listen within `timeoutMs`; Prism is stopped first.
 */
export async function startPrismProcess(options: PrismProcessOptions): Promise<PrismProcess> {
  const { spec, host, port, timeoutMs, log, front } = options;
  const args = ['--require', EXIT_WITH_PARENT, '--import', FRONT_MAIN, prismEntry(), 'mock', '-h', PRISM_HOST, '-p', String(front.prismPort), spec, ...options.args];
  const settings = JSON.stringify({ host, port, prismPort: front.prismPort, vendor: front.vendor });
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', APICLIENTS_MOCK_FRONT: settings } });
  killOnExit(child);
  const stop = stopperFor(child, STOP_GRACE_MS);

  const output: string[] = [];
  let saidListening = false;
  const onLine = (line: string) => {
    output.push(line);
    if (output.length > OUTPUT_LINES_KEPT) output.shift();
    if (LISTENING.test(line)) saidListening = true;
    log?.(line);
  };
  readLines(child.stdout!, onLine);
  readLines(child.stderr!, onLine);
  child.once('error', (error) => output.push(String(error)));

  const state = await waitUntilListening({ host, port, timeoutMs, saidListening: () => saidListening, exited: () => hasExited(child) });
  if (state !== 'listening') {
    await stop();
    const why = state === 'exited' ? `exited with code ${child.exitCode}` : `did not listen within ${timeoutMs} ms`;
    throw new MockServerStartError(`Prism did not start on ${host}:${port} (itself on ${PRISM_HOST}:${front.prismPort}) for ${spec}: it ${why}`, output, child.pid);
  }
  return { pid: child.pid!, stop };
}
