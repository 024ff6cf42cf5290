import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The reliability tests alone, without the Prism global setup of test/vitest.config.mjs (they need no Prism):
// `node_modules/.bin/vitest run --config test/reliability/vitest.config.mjs [file]`.
// `npm run test:integration` runs them too, with everything else under test/.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
