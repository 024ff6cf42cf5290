/**
 * Bundles a package the way a browser app would: esbuild with platform 'browser' (so the `browser`, `import`
 * and `default` export conditions apply and `node` does not), everything inlined, minified, nothing written.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Format, type Metafile } from 'esbuild';
import { listVendors } from '../../scripts/lib/vendors.mjs';

/** The packages every browser build is checked for: core and every vendor's. */
export const PACKAGES = ['core', ...listVendors().map((vendor) => vendor.name)];
/** A folder of packages/ (`core`, `spark`, …). */
export type PackageName = string;

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BrowserBundle {
  code: string;
  bytes: number;
  metafile: Metafile;
}

/** `export * from '@apiclients/<name>'`, bundled for the browser (iife assigns the exports to `globalName`). */
export async function bundleForBrowser(name: PackageName, format: Format = 'esm', globalName?: string): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: `export * from '@apiclients/${name}';`, resolveDir: root, loader: 'js' },
    platform: 'browser',
    format,
    ...(globalName ? { globalName } : {}),
    bundle: true,
    minify: true,
    metafile: true,
    write: false,
    absWorkingDir: root,
    logLevel: 'silent',
    target: 'es2022',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing');
  return { code: output.text, bytes: output.contents.byteLength, metafile: result.metafile };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every module of the bundle that is a Node built-in (`node:fs`, `fs`, `path`, …), whether inlined or left external. */
export function nodeBuiltinsIn(metafile: Metafile): string[] {
  const inputs = Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
  const outputs = Object.values(metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  return [...new Set([...Object.keys(metafile.inputs), ...inputs, ...outputs])].filter(
    (path) => path.startsWith('node:') || NODE_BUILTINS.has(path),
  );
}

/** The files of the bundle, relative to the repository, e.g. `packages/spark/dist/index.js`. */
export const bundledFiles = (metafile: Metafile): string[] => Object.keys(metafile.inputs);
