import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; end-to-end tests drive real browsers, two files at a time, against
// the built extension in dist/ (npm test builds first).
export default defineConfig({
  test: {
    projects: [
      {
        // As in vite.config.ts: set here, since each execution context has its own tsconfig.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/variants/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Two files at once: each drives one browser at a time and mostly waits on it, so two
          // overlap well even on 2 cores (measured: 331 s against 699 s one file at a time).
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
