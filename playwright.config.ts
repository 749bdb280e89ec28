import { defineConfig } from '@playwright/test';

/**
 * E2E against the production build (`npm run build` runs first, see package.json), started
 * through the same launcher as `npm start`, on a fresh embedded database with demo data.
 * Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_API_KEY = 'pd_e2e_admin_key_0123456789abcdef';
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two workers share the one server: tests make their own prompts and data, so they do not
  // collide, and most of a test's time is waiting on the server or the browser (E2E_WORKERS=1 for one at a time).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summary-reporter.ts'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // A fresh database each run: db:reset also stops a server a killed earlier run left behind.
    command: 'node --import tsx scripts/db.ts reset && node --import tsx scripts/run.ts start',
    url: `http://127.0.0.1:${E2E_PORT}/api/v1/openapi.json`,
    reuseExistingServer: false,
    // The launcher stops the web server, then PostgreSQL (Playwright's default, SIGKILL of the
    // process group, would leave the embedded server running: it is in its own process group).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      PROMPTDECK_DATA_DIR: '.data-e2e',
      PROMPTDECK_INIT_API_KEY: E2E_API_KEY,
      PROMPTDECK_INIT_ADMIN_EMAIL: E2E_ADMIN.email,
      PROMPTDECK_INIT_ADMIN_PASSWORD: E2E_ADMIN.password,
      NEXT_TELEMETRY_DISABLED: '1',
      // The canary guard looks every 2 s (default 30 s), so e2e/canary.spec.ts sees it act.
      PROMPTDECK_GUARD_INTERVAL_MS: '2000',
    },
  },
});
