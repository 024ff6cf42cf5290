import { defineConfig, type Options } from 'tsup';

/**
 * The build of every package: ESM with bundled declarations. Generated code (../../generated/<vendor>) is
 * bundled in; core and openapi-fetch stay dependencies.
 */
export function packageBuild(options: { entry: string[]; dtsEntry?: string }) {
  const config: Options = {
    entry: options.entry,
    format: ['esm'],
    dts: options.dtsEntry ? { entry: options.dtsEntry } : true,
    clean: true,
    target: 'es2022',
    sourcemap: true,
    treeshake: true,
    external: ['@apiclients/core', 'openapi-fetch'],
  };
  return defineConfig(config);
}
