// Runs a command as an asynchronous child (never spawnSync: the caller's event loop keeps running) and collects
// its output; kills it, by its pid, if it outlives `timeoutMs`.
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  /** Standard output alone. */
  stdout: string;
  /** Standard output and standard error, interleaved. */
  output: string;
}

/** Runs `command args` in `cwd` and resolves with its exit code and its stdout and stderr, interleaved. */
export function runCommand(command: string, args: string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, output });
    });
  });
}

/**
 * The environment for npm in another folder: ours without what `npm run` adds (npm_config_workspace, npm_package_*,
 * npm_lifecycle_*), which would otherwise apply the root's settings to that folder.
 */
export function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_workspace|config_workspaces)/i.test(key) || key === 'INIT_CWD') delete env[key];
  }
  return env;
}
