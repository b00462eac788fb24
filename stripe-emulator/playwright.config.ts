import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the emulator's stand-in Stripe.js, driven through the real
 * @stripe/react-stripe-js. Run from the repository root:
 *   npx playwright test -c stripe-emulator/playwright.config.ts
 */
const results = path.resolve(import.meta.dirname, '..', 'test-results');

export default defineConfig({
  testDir: './tests/browser',
  outputDir: path.join(results, 'emulator-browser'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: path.join(results, 'emulator-browser.json') }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
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
      },
    },
  ],
});
