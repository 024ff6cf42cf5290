/**
 * A fifth vendor is its spec and its package, nothing else by hand: in a scratch copy of the repository,
 * `npm run new-vendor widgets` writes only specs/widgets.yaml and packages/widgets/; `npm run generate` then writes
 * only generated files (its generated/ code, the testing kit's vendor list, turbo.json's build lists); the package
 * and the testing kit (which now knows the vendor) type-check, and the client, bundled as the build would, works
 * against the Prism mock of its spec.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startSpecMock, preferHeaders } from '@apiclients/testing';
import { afterAll, expect, it } from 'vitest';
import { scratchRepo } from '../lib/scratch-repo.js';
import { repoRoot } from '../lib/spec-validator.js';

const { dir: scratch, remove } = scratchRepo('apiclients-new-vendor-');
afterAll(remove);

/** Every file of the scratch copy (node_modules left out) and a hash of its content. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(path);
      else files.set(relative(scratch, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(scratch);
  return files;
}

/** The paths added or changed between two snapshots, sorted. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path).sort();
}

const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: scratch, encoding: 'utf8' });

it('a new vendor needs no edit outside its spec and package, and its client works against its mock', async () => {
  const start = snapshot();
  const scaffold = node(join(scratch, 'scripts', 'new-vendor.mjs'), 'widgets');
  expect(scaffold.status, scaffold.stderr).toBe(0);
  const scaffolded = snapshot();
  expect(changed(start, scaffolded)).toContain(join('specs', 'widgets.yaml'));
  expect(changed(start, scaffolded).every((path) => path === join('specs', 'widgets.yaml') || path.startsWith(join('packages', 'widgets') + '/'))).toBe(true);
  expect(node(join(scratch, 'scripts', 'new-vendor.mjs'), 'widgets').status).toBe(1);

  const generate = node(join(scratch, 'scripts', 'generate.mjs'));
  expect(generate.status, generate.stderr).toBe(0);
  expect(changed(scaffolded, snapshot())).toEqual(
    [
      'generated/widgets/client.ts',
      'generated/widgets/operations.ts',
      'generated/widgets/schema.d.ts',
      'packages/testing/src/generated/vendors.ts',
      'turbo.json',
    ].map((path) => join(...path.split('/'))),
  );
  // The testing kit knows it (after the four with fixed ports), turbo waits for its build.
  expect(readFileSync(join(scratch, 'packages', 'testing', 'src', 'generated', 'vendors.ts'), 'utf8')).toContain('["spark","statuspage","vss","vspark","widgets"]');
  const turbo = JSON.parse(readFileSync(join(scratch, 'turbo.json'), 'utf8')) as { tasks: Record<string, { dependsOn?: string[] }> };
  expect(turbo.tasks['//#test:integration']?.dependsOn).toContain('@apiclients/widgets#build');

  // The package type-checks, and so does the testing kit, whose MockVendor now names the new vendor (a program
  // starting its mocks, beside the kit's sources).
  const kit = join(repoRoot, 'packages', 'testing', 'src');
  cpSync(kit, join(scratch, 'packages', 'testing', 'src'), { recursive: true, filter: (path) => path !== join(kit, 'generated') });
  writeFileSync(join(scratch, 'packages', 'testing', 'src', 'uses-widgets.ts'), "import { startMockServer } from './index.js';\nexport const mocks = () => [startMockServer('widgets'), startMockServer('widgets', { stateful: true })];\n");
  writeFileSync(join(scratch, 'packages', 'testing', 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src'] }));
  for (const project of ['widgets', 'testing']) {
    const typecheck = spawnSync(join(scratch, 'node_modules', '.bin', 'tsc'), ['-p', join('packages', project, 'tsconfig.json')], { cwd: scratch, encoding: 'utf8' });
    expect(typecheck.status, `${project}: ${typecheck.stdout}`).toBe(0);
  }

  // Bundled as tsup builds it: generated code in, core and openapi-fetch left to the package's dependencies.
  const bundle = join(scratch, 'packages', 'widgets', 'dist', 'index.js');
  await build({ entryPoints: [join(scratch, 'packages', 'widgets', 'src', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: bundle, external: ['@apiclients/core', 'openapi-fetch'], logLevel: 'silent' });
  const { WidgetsClient, NotFoundError } = await import(pathToFileURL(bundle).href);
  const mock = await startSpecMock(join(scratch, 'specs', 'widgets.yaml'));
  try {
    const widgets = new WidgetsClient({ token: 'test-token', baseUrl: mock.url });
    expect(await widgets.items.list()).toEqual([
      { id: 'i1', name: 'First item' },
      { id: 'i2', name: 'Second item' },
    ]);
    expect(await widgets.items.get('i1')).toEqual({ id: 'i1', name: 'First item' });
    await expect(widgets.items.get('i9', { headers: preferHeaders({ code: 404 }) })).rejects.toBeInstanceOf(NotFoundError);
  } finally {
    await mock.stop();
  }
}, 120_000);
