import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on a two-core machine (vitest's default leaves one core idle), and test files share
    // their worker's modules, so that nodejieba's dictionaries load once per worker, not once per file.
    maxWorkers: 2,
    isolate: false,
  },
});
