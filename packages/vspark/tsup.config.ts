import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  target: 'es2022',
  sourcemap: true,
  treeshake: true,
  // Generated code (../../generated/vspark) is bundled in; core and openapi-fetch stay dependencies.
  external: ['@apiclients/core', 'openapi-fetch'],
});
