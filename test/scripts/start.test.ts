/**
 * `npm start`'s examples against the mocks (scripts/start.mjs, without its build and docs steps: the tree is built
 * by then), with the spark mock's fixed port held by someone else: the mock moves to a free port and says so, every
 * example still runs, and the V-Spark export leaves no temporary folder behind.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MOCK_PORTS } from '../../scripts/lib/mock-ports.mjs';
import { root } from '../../scripts/lib/specs.mjs';

let squatter: Server | undefined;
beforeAll(async () => {
  squatter = createServer();
  // If another run already holds the port, it is taken all the same: that is the case under test.
  await new Promise<void>((resolve) => {
    squatter!.once('error', () => resolve());
    squatter!.listen(MOCK_PORTS.spark, '127.0.0.1', () => resolve());
  });
});
afterAll(() => new Promise<void>((resolve) => (squatter?.listening ? squatter.close(() => resolve()) : resolve())));

const exportFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('vspark-export-')).sort();

it('runs every example, moving a mock off a taken port, and leaves no temporary folder', () => {
  const before = exportFolders();
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--no-build', '--no-docs'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain(`(port ${MOCK_PORTS.spark} is taken)`);
  expect(run.stdout).toMatch(/== example examples\/spark-rooms\.mjs → http:\/\/127\.0\.0\.1:(?!4010)\d+/);
  expect(run.stdout).toContain('npm start: done');
  expect(exportFolders()).toEqual(before);
}, 300_000);
