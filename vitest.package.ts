import { defineConfig } from 'vitest/config';

// Every package's unit tests. The timeouts are generous so a busy 2-core machine slows tests down without
// failing them; nothing here waits for real on purpose.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
