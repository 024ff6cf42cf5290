import type { ChildProcess } from 'node:child_process';

/** Whether a child process has exited (or never started). */
export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;

/**
 * A `stop()` for one child process: SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once it
 * has exited. Calling it again returns the same promise.
 */
export function stopperFor(child: ChildProcess, graceMs: number): () => Promise<void> {
  const exit = new Promise<void>((resolve) => {
    if (hasExited(child)) resolve();
    child.once('exit', () => resolve());
    // 'error' without a pid: the process never started, and no 'exit' will come.
    child.once('error', () => child.pid === undefined && resolve());
  });
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= hasExited(child)
      ? Promise.resolve()
      : (async () => {
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exit;
          clearTimeout(force);
        })();
    return stopping;
  };
}
