import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: that one's `root` is the web folder, and vitest would find no tests there.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
