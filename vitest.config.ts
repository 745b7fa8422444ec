import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; end-to-end tests drive real browsers, one file at a time, against
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
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
