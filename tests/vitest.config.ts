import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts', 'security/**/*.test.ts', 'e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: ['./support/setup.ts'],
    // The browser tests load widget/dist; build it once per run (skipped when up to date).
    globalSetup: ['./e2e/build-widget.ts'],
  },
});
