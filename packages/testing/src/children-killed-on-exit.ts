import type { ChildProcess } from 'node:child_process';

/** Every Prism this process started that has not exited yet. */
const running = new Set<ChildProcess>();
let handlerInstalled = false;

/** Kills whatever is still running when the process exits. Synchronous: nothing asynchronous runs in `exit`. */
function killRunning(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Makes sure `child` dies with this process: an `exit` handler, installed on first use, SIGKILLs it. (A parent
 * killed by a signal runs no handler; the preload `exit-with-parent.cjs` covers that case.)
 */
export function killOnExit(child: ChildProcess): void {
  if (!handlerInstalled) {
    process.on('exit', killRunning);
    handlerInstalled = true;
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
}
