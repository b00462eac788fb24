import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3210);
export const baseURL = `http://localhost:${port}`;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Debian's Chromium by default: Playwright cannot download its own browser here.
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Maps 'server-only' to an empty module, as vitest.config.ts does: the set-up seeds in-process through lib/ (db/seed-earnings.ts).
  tsconfig: './tests/e2e/tsconfig.json',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores run the app, the worker, the emulator and Chromium at once: a long journey gets two minutes.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // Specs that move the app's clock run on their own afterwards (the 'clock' project): a shifted clock
      // would expire the holds of every test running beside them.
      // Specs that make the Stripe emulator fail requests run alone, last ('alone'): the failures would hit any test beside them.
      testIgnore: /\.(clock|alone)\.spec\.ts$/,
      use: chromium,
    },
    {
      name: 'clock',
      testMatch: /\.clock\.spec\.ts$/,
      dependencies: ['chromium'],
      use: chromium,
    },
    {
      name: 'alone',
      testMatch: /\.alone\.spec\.ts$/,
      dependencies: ['clock'],
      use: chromium,
    },
  ],
});
