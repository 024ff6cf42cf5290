// Starts and stops Prism mock servers for `npm run mock`, `npm start` and the tests.
//
// Prism runs as our own child: node with Prism's JS entry, never npx, which would put npm between us and Prism and
// leave Prism running as a grandchild when npm is killed. Prism 5 serves from that one process (`--multiprocess`
// is off by default), so its PID is the server's. We end only the processes we started, by PID, and never leave
// one behind: stop() ends one, an `exit` handler ends the rest, and exit-with-parent.cjs makes each Prism exit
// when its stdin pipe from us closes, which covers a parent killed by a signal.
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bin } from './specs.mjs';

/** Prism's CLI entry: the file behind node_modules/.bin/prism (@stoplight/prism-cli/dist/index.js). */
const PRISM_ENTRY = realpathSync(bin('prism'));
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exit-with-parent.cjs', import.meta.url));

/** Prism prints this once its HTTP server listens (prism-cli dist/util/createServer.js). */
const LISTENING = /Prism is listening on/;
const OUTPUT_LINES_KEPT = 50;
const STOP_GRACE_MS = 3_000;
const POLL_MS = 100;

/** Every Prism child this module started that has not exited yet. */
const running = new Set();

// Synchronous by necessity: nothing asynchronous runs in an `exit` handler.
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * A TCP port that is free on `host` right now: listen on port 0, read the port the system chose, close.
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on host:port. */
function acceptsConnections(port, host) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * @typedef {object} PrismMock
 * @property {string} url Base URL of the mock, e.g. `http://127.0.0.1:4013`.
 * @property {number} port The port it listens on.
 * @property {number} pid Prism's process id.
 * @property {() => Promise<void>} stop Ends Prism (SIGTERM, then SIGKILL after 3 s) and resolves once it has
 *   exited; calling it again returns the same promise.
 */

/**
 * Starts `prism mock` on one spec and resolves once Prism has said it listens and the port accepts connections.
 *
 * @param {object} options
 * @param {string} options.spec Path of the OpenAPI document.
 * @param {number} [options.port] Port to listen on; 0 (the default) picks a free one.
 * @param {string} [options.host] Interface to listen on, loopback by default.
 * @param {boolean} [options.dynamic] Generate responses from the schemas (`--dynamic`) instead of the examples.
 * @param {boolean} [options.errors] Answer a request or response that violates the spec with an error (`--errors`).
 * @param {(line: string) => void} [options.log] Receives each line Prism prints, stdout and stderr alike.
 * @param {number} [options.timeoutMs] How long to wait for Prism to listen (30 s) before killing it and throwing.
 * @returns {Promise<PrismMock>}
 * @throws {Error} When Prism exits or does not listen in time; the message ends with Prism's last output lines.
 */
export async function startPrism({ spec, port = 0, host = '127.0.0.1', dynamic = false, errors = false, log, timeoutMs = 30_000 }) {
  const listenPort = port || (await freePort(host));
  const args = ['--require', EXIT_WITH_PARENT, PRISM_ENTRY, 'mock', spec, '-h', host, '-p', String(listenPort)];
  if (dynamic) args.push('--dynamic');
  if (errors) args.push('--errors');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  running.add(child);

  // The last lines Prism printed, for the error message when it fails to start.
  const output = [];
  let listening = false;
  const readLines = (stream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const raw of lines) {
        const line = stripAnsi(raw).trimEnd();
        if (!line) continue;
        output.push(line);
        if (output.length > OUTPUT_LINES_KEPT) output.shift();
        if (LISTENING.test(line)) listening = true;
        log?.(line);
      }
    });
  };
  readLines(child.stdout);
  readLines(child.stderr);

  let exited = false;
  const exit = new Promise((resolve) => {
    const done = () => {
      exited = true;
      running.delete(child);
      resolve();
    };
    child.once('exit', done);
    child.once('error', (error) => {
      output.push(String(error));
      // 'error' without 'exit' means the process never started.
      if (child.pid === undefined) done();
    });
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (exited) return;
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Exited between the check and the kill.
      }
      const force = setTimeout(() => {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Exited in the meantime.
        }
      }, STOP_GRACE_MS);
      await exit;
      clearTimeout(force);
    })();
    return stopping;
  };

  // Both conditions, because on a fixed port the connection could be accepted by some other server.
  const deadline = Date.now() + timeoutMs;
  while (!(listening && (await acceptsConnections(listenPort, host)))) {
    if (exited || Date.now() > deadline) {
      const why = exited ? `exited with code ${child.exitCode}` : `did not listen within ${timeoutMs} ms`;
      await stop();
      throw new Error(`Prism did not start on ${host}:${listenPort} for ${spec}: it ${why}. Its last output:\n${output.slice(-15).join('\n')}`);
    }
    await sleep(POLL_MS);
  }

  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${listenPort}`, port: listenPort, pid: child.pid, stop };
}
