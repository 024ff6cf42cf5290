// Every package bundles for the browser with no Node built-in and no undici, while Node itself resolves core to its
// Node entry (the undici transport) and Spark to its own (the one that reads local paths).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledFiles, bundleForBrowser, nodeBuiltinsIn, PACKAGES } from './bundle-for-browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.each(PACKAGES)('@apiclients/%s in a browser bundle', (name) => {
  it('bundles (esm, minified) with nothing external, no Node built-in and no undici', async () => {
    const bundle = await bundleForBrowser(name);
    expect(nodeBuiltinsIn(bundle.metafile)).toEqual([]);
    expect(bundledFiles(bundle.metafile).filter((file) => /undici|core\/dist\/node/.test(file))).toEqual([]);
    expect(Object.values(bundle.metafile.outputs).flatMap((o) => o.imports)).toEqual([]);
    expect(bundle.code).not.toMatch(/["']node:/);
    expect(bundledFiles(bundle.metafile)).toContain(`packages/${name}/dist/index.js`);
    expect(bundle.bytes).toBeGreaterThan(1_000);
  });
});

describe('entries', () => {
  it('the browser entries carry neither the file reader nor the CLI', async () => {
    expect(bundledFiles((await bundleForBrowser('spark')).metafile)).not.toContain('packages/spark/dist/node.js');
    const vspark = await bundleForBrowser('vspark');
    expect(bundledFiles(vspark.metafile).filter((file) => file.includes('cli'))).toEqual([]);
    expect(vspark.code).not.toContain('vspark-status');
  });

  it('no browser bundle carries the Redis rate-limit store (the @apiclients/core/redis entry)', async () => {
    for (const name of PACKAGES) {
      const bundle = await bundleForBrowser(name);
      expect(bundledFiles(bundle.metafile).filter((file) => file.includes('redis'))).toEqual([]);
      expect(bundle.code).not.toContain("redis.call('TIME')");
    }
  });

  it('Node resolves @apiclients/core and @apiclients/spark to their node entries, and every other package to dist/index.js', () => {
    const script = `for (const n of ${JSON.stringify(PACKAGES)}) console.log(import.meta.resolve('@apiclients/' + n));`;
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(resolved.map((url) => fileURLToPath(url).slice(root.length))).toEqual(
      PACKAGES.map((n) => `packages/${n}/dist/${n === 'spark' || n === 'core' ? 'node' : 'index'}.js`),
    );
  });

  it('a bundler targeting Node picks the node entry too, and keeps node:fs external', async () => {
    const result = await build({
      stdin: { contents: "export { SparkClient } from '@apiclients/spark';", resolveDir: root, loader: 'js' },
      absWorkingDir: root,
      platform: 'node',
      format: 'esm',
      bundle: true,
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs)).toContain('packages/spark/dist/node.js');
    expect(Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))).toContain('node:fs/promises');
  });
});
