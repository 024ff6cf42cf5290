import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Cross-package tests: Prism contract tests, real samples against the specs, the scripts.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.{ts,mjs}'],
    globalSetup: ['test/global-setup.mjs'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each test file in its own process (Vitest's default, stated because it matters): scripts/lib/prism.mjs ends
    // the Prisms a process started when that process exits.
    pool: 'forks',
  },
});
