import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts', 'security/**/*.test.ts', 'e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each worker keeps one module graph across the files it runs instead of importing the
    // app afresh for each (about 2 s a file). Every file still boots its own app on its own
    // database; what modules keep between files are caches keyed by content (derived keys,
    // guide bodies, static assets), and no test replaces a module of ours with a mock.
    isolate: false,
    // Every file boots its own embedded Postgres, a 9 MB WebAssembly module. V8's optimizing
    // tier recompiles its hot functions in the background, about a second of CPU per file for
    // queries that a test runs a handful of times; the baseline tier runs them fast enough.
    execArgv: ['--liftoff-only'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: ['./support/setup.ts'],
    // The browser tests load widget/dist; build it once per run (skipped when up to date),
    // start the one Chromium they share, and migrate one database that every test file's
    // database is copied from.
    globalSetup: ['./e2e/build-widget.ts', './support/browser-server.ts', './support/database-template.ts'],
  },
});
