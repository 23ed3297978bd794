import { defineConfig } from 'vitest/config';

// Tests only; the widget build lives in vite.config.ts.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'server/**/*.test.tsx', 'shared/**/*.test.ts', 'widget/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/count-reporter.ts'],
  },
});
