import { request } from 'node:http';

const POLL_MS = 100;

/** Whether an HTTP server answers `GET /` on host:port, with any status (Prism answers 404 or 401 there). */
function answersHttp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host, port, path: '/', agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.once('timeout', () => probe.destroy());
    probe.once('error', () => resolve(false));
    probe.end();
  });
}

/**
 * Polls until the server says it listens and answers HTTP on its port (both: on a fixed port some other server
 * could answer), until it has exited, or until `timeoutMs` has passed.
 */
export async function waitUntilListening(server: {
  host: string;
  port: number;
  timeoutMs: number;
  saidListening: () => boolean;
  exited: () => boolean;
}): Promise<'listening' | 'exited' | 'timed out'> {
  const deadline = Date.now() + server.timeoutMs;
  for (;;) {
    if (server.saidListening() && (await answersHttp(server.host, server.port))) return 'listening';
    if (server.exited()) return 'exited';
    if (Date.now() > deadline) return 'timed out';
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
