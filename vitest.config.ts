import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temp-dir.ts'],
    // Hang guards only, never a speed bound: CLI tests on two cores under load 8+ take minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores on CI: keep workers to what the machine has.
    maxWorkers: 2,
  },
});
