import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['utils/**/*.test.ts', 'components/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Code that reads "this machine's time zone" sees the same one everywhere; tests that
          // need named zones pass them explicitly.
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // Real browsers on a two-core machine: one suite at a time, generous start-up time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
