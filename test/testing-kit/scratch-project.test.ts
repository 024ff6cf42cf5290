/**
 * @apiclients/testing works from a user's own project: the packed tarballs of core, the four clients and the
 * testing kit are installed into a fresh project in the OS temp folder (from the npm cache: --prefer-offline),
 * and that project's own vitest runs a test that starts the spark mock, calls it with SparkClient, forces a 429,
 * and stops it; beside it runs the example of packages/testing/README.md, as a user would paste it. Then a
 * TypeScript program importing every package (fixture/every-package.program.ts) is type-checked by the project's
 * own strict tsc and run against the four mocks. Slow (npm install), so one test with generous timeouts; the
 * folder is removed afterwards.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listVendors } from '../../scripts/lib/vendors.mjs';
import { repoRoot } from '../lib/spec-validator.js';
import { npmEnvironment, runCommand } from './run-command.js';

const PACKAGES = ['core', ...listVendors().map((vendor) => vendor.name), 'testing'];
const VITEST_VERSION = '4.1.12';
const TYPESCRIPT_VERSION = '5.9.3';
// A Node project's own types of Node, as any TypeScript project running in Node has them.
const NODE_TYPES_VERSION = '20.19.25';
const INSTALL_TIMEOUT_MS = 300_000;
const RUN_TIMEOUT_MS = 180_000;

const scratch = mkdtempSync(join(tmpdir(), 'apiclients-scratch-project-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a user's shell: npm's clean one, without the VITEST_* variables of the vitest running us. */
function outsideVitestEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...npmEnvironment(), CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** The first ```ts block of the testing kit's README: its example test. */
function readmeExample(): string {
  const readme = readFileSync(join(repoRoot, 'packages', 'testing', 'README.md'), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme);
  if (!block?.[1]) throw new Error('packages/testing/README.md has no ```ts example');
  return block[1];
}

/** Packs the workspace packages into `dir` and returns { name: tarball file name }. */
async function packWorkspaces(dir: string): Promise<Record<string, string>> {
  const workspaces = PACKAGES.flatMap((name) => ['--workspace', `packages/${name}`]);
  const pack = await runCommand('npm', ['pack', ...workspaces, '--pack-destination', dir, '--json', '--ignore-scripts'], {
    cwd: repoRoot,
    timeoutMs: RUN_TIMEOUT_MS,
    env: npmEnvironment(),
  });
  expect(pack.code, pack.output).toBe(0);
  const packed = JSON.parse(pack.stdout) as { name: string; filename: string }[];
  return Object.fromEntries(packed.map((p) => [p.name, p.filename]));
}

it('a fresh project installs the tarballs and its own vitest passes a test that uses startMockServer', async () => {
  const timings: string[] = [];
  const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await step();
    timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  const tarballs = join(scratch, 'tarballs');
  const project = join(scratch, 'project');
  mkdirSync(tarballs);
  mkdirSync(join(project, 'test'), { recursive: true });

  const files = await timed('npm pack', () => packWorkspaces(tarballs));
  expect(Object.keys(files).sort()).toEqual(PACKAGES.map((name) => `@apiclients/${name}`).sort());

  const dependencies = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, `file:../tarballs/${file}`]));
  const devDependencies = { vitest: VITEST_VERSION, typescript: TYPESCRIPT_VERSION, '@types/node': NODE_TYPES_VERSION };
  const manifest = { name: 'scratch-project', private: true, type: 'module', dependencies, devDependencies };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // A strict TypeScript project of the user's own, checking our published .d.ts files too (no skipLibCheck).
  const tsconfig = { compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, outDir: 'build', skipLibCheck: false, types: ['node'] }, files: ['program.ts'] };
  writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  copyFileSync(join(import.meta.dirname, 'fixture', 'every-package.program.ts'), join(project, 'program.ts'));
  copyFileSync(join(import.meta.dirname, 'fixture', 'spark-mock.user-test.ts'), join(project, 'test', 'spark-mock.test.ts'));
  writeFileSync(join(project, 'test', 'readme-example.test.ts'), readmeExample());

  const install = await timed('npm install', () =>
    runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, timeoutMs: INSTALL_TIMEOUT_MS, env: npmEnvironment() }),
  );
  expect(install.code, install.output).toBe(0);
  // Every @apiclients package, nested ones included, came from our tarballs, none from a registry.
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
  const ours = Object.entries(lock.packages).filter(([path]) => path.includes('node_modules/@apiclients/'));
  expect(ours.map(([path]) => path).sort()).toEqual(PACKAGES.map((name) => `node_modules/@apiclients/${name}`).sort());
  for (const [path, entry] of ours) expect(entry.resolved, path).toMatch(/^file:\.\.\/tarballs\//);

  // The project's own vitest, started with our node, in the project folder: nothing of this repository is used.
  const vitestEntry = join(project, 'node_modules', 'vitest', 'vitest.mjs');
  const run = await timed('vitest run', () =>
    runCommand(process.execPath, [vitestEntry, 'run', '--reporter=verbose'], { cwd: project, timeoutMs: RUN_TIMEOUT_MS, env: outsideVitestEnvironment() }),
  );
  expect(run.code, run.output).toBe(0);
  expect(run.output).toContain('reads the current user from the mock');
  expect(run.output).toContain('readme-example.test.ts');
  expect(run.output).toMatch(/Test Files\s+2 passed/);
  expect(run.output).toMatch(/Tests\s+4 passed/);

  // The user's TypeScript program: type-checked by the project's own tsc, then run against the four mocks.
  const tsc = await timed('tsc', () =>
    runCommand(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, timeoutMs: RUN_TIMEOUT_MS, env: outsideVitestEnvironment() }),
  );
  expect(tsc.code, tsc.output).toBe(0);
  const program = await timed('program', () =>
    runCommand(process.execPath, [join(project, 'build', 'program.js')], { cwd: project, timeoutMs: RUN_TIMEOUT_MS, env: outsideVitestEnvironment() }),
  );
  console.log(`scratch project timings: ${timings.join(', ')}`);
  expect(program.code, program.output).toBe(0);
  expect(program.output).toContain('spark: a 404 is NotFoundError');
  expect(program.output).toContain('every package answered');

  // The Prism that test started has gone with it.
  const pid = Number(readFileSync(join(project, 'prism.pid'), 'utf8'));
  expect(pid).toBeGreaterThan(0);
  expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
}, INSTALL_TIMEOUT_MS + 2 * RUN_TIMEOUT_MS);
