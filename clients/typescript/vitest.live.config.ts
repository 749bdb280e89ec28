import { defineConfig } from 'vitest/config';

/**
 * The client's tests against a RUNNING Promptdeck (PROMPTDECK_URL, PROMPTDECK_API_KEY with the
 * admin role): e2e/clients.spec.ts runs them against the production build that Playwright starts.
 * No global setup: they only talk HTTP.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['live/**/*.live.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
