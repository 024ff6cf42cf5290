/**
 * Runs one extracted README example in this process, as a user's program would run: with its environment
 * variables set, in a working directory holding the files it names, its `console.log` lines recorded.
 * Everything is undone when the test ends (test/lib/for-this-test.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { afterThisTest } from '../lib/for-this-test.js';

/** What running an example printed, and what its module exports. */
export interface ExampleRun {
  logs: string[];
  module: Record<string, unknown>;
}

/** Imports the example at `file` with `env` set and a fresh `work` directory (holding ./report.pdf) as its cwd. */
export async function runExample(file: string | undefined, env: Record<string, string>, work: string): Promise<ExampleRun> {
  if (!file) throw new Error('no README example with that id');
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  afterThisTest(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  const cwd = process.cwd();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'report.pdf'), '%PDF-1.4 weekly report\n');
  process.chdir(work);
  afterThisTest(() => process.chdir(cwd));
  const logs: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
  afterThisTest(() => log.mockRestore());
  const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  return { logs, module };
}
