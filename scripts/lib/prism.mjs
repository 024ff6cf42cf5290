// Prism mock servers for `npm run mock`, `npm start` and the tests: the testing kit's own (packages/testing, which
// must be built), on the working copies of the specs. It runs Prism as our direct child (never through npx), ends
// only the processes it started, and never leaves one behind (stop(), an `exit` handler, and a preload that makes
// Prism exit when its stdin pipe from us closes).
import { freePort, MockServerStartError, startSpecMock } from '@apiclients/testing';

export { freePort };

/**
 * Starts a mock on one spec (`prism mock` behind the testing kit's front, which answers like the real API) and
 * resolves once it listens and answers.
 *
 * @param {object} options
 * @param {string} options.spec Path of the OpenAPI document.
 * @param {number} [options.port] Port to listen on; 0 (the default) picks a free one.
 * @param {string} [options.host] Interface to listen on, loopback by default.
 * @param {(line: string) => void} [options.log] Receives each line Prism prints, stdout and stderr alike.
 * @param {number} [options.timeoutMs] How long to wait for Prism to listen (30 s) before stopping it and throwing.
 * @returns {Promise<{ url: string, port: number, pid: number, stop: () => Promise<void> }>}
 */
export function startPrism({ spec, port = 0, host, log, timeoutMs = 30_000 }) {
  return startSpecMock(spec, { ...(port ? { port } : {}), ...(host ? { host } : {}), ...(log ? { log } : {}), startTimeoutMs: timeoutMs });
}

/**
 * {@link startPrism} on `port` if it can have it, else on any free port: a port found free may still be taken
 * before Prism binds it (two `npm start` at once probe 4010 together; one of them loses the bind).
 *
 * @param {Parameters<typeof startPrism>[0]} options As for startPrism; `port` is the one preferred.
 * @returns {Promise<{ mock: Awaited<ReturnType<typeof startPrism>>, moved: boolean }>} `moved` when `port` was lost.
 */
export async function startPrismPreferring(options) {
  try {
    return { mock: await startPrism(options), moved: false };
  } catch (error) {
    if (!options.port || !(error instanceof MockServerStartError && error.portInUse)) throw error;
    return { mock: await startPrism({ ...options, port: 0 }), moved: true };
  }
}
