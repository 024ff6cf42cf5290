import { defineConfig, type Options } from 'tsup';

/**
 * The build of every package: ESM with bundled declarations. Generated code (../../generated/<vendor>) is
 * bundled in; core and openapi-fetch stay dependencies. Several entries share chunks, so a class is the same
 * class whichever entry it was imported through. `dtsEntry` lists the entries that get declarations (by
 * default all; a CLI needs none).
 */
export function packageBuild(options: { entry: string[]; dtsEntry?: string | string[] }) {
  const config: Options = {
    entry: options.entry,
    format: ['esm'],
    dts: options.dtsEntry ? { entry: options.dtsEntry } : true,
    clean: true,
    target: 'es2022',
    sourcemap: true,
    treeshake: true,
    // Keep `node:fs` as written: a Node built-in then stays recognisable (and unresolvable) in a browser bundle.
    removeNodeProtocol: false,
    external: ['@apiclients/core', 'openapi-fetch', 'undici'],
  };
  return defineConfig(config);
}
