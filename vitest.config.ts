import { defineConfig } from 'vitest/config';

// Unit tests first, then end-to-end tests, each group two files at a time: the unit files are
// CPU-bound, and browsers sharing the CPU with them is what made timed waits flaky on a 2-core
// machine. End-to-end tests drive real browsers against the built extension in dist/ (npm test
// builds first).
export default defineConfig({
  test: {
    projects: [
      {
        // As in vite.config.ts: set here, since each execution context has its own tsconfig.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/variants/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
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
