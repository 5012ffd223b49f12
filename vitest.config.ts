import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { findBrowser } from './scripts/lib/browsers.ts';
import { chromiumArgs } from './scripts/lib/launch.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['utils/**/*.test.ts', 'components/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.page.test.ts'],
          environment: 'node',
          // Code that reads "this machine's time zone" sees the same one everywhere; tests that
          // need named zones pass them explicitly.
          env: { TZ: 'UTC' },
        },
      },
      {
        // Page-side code (the shield's parts) tested inside a real page of the system's Chromium:
        // layout, ResizeObserver, shadow roots, filters and hit testing are the browser's own.
        test: {
          name: 'page',
          include: ['utils/**/*.page.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findBrowser('chromium'), args: chromiumArgs() } }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1000, height: 700 },
          },
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
