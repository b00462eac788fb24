import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // The marker that keeps server modules out of client bundles; tests run on the server side.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  test: {
    // One file at a time: row counts stay meaningful; concurrency is tested inside files.
    fileParallelism: false,
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // The offline Stripe, driven through the official SDK; it imports nothing from the app.
        test: { name: 'emulator', include: ['stripe-emulator/tests/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        // The offline Daraja (M-Pesa), driven over plain HTTP; it imports nothing from the app.
        test: { name: 'mpesa-emulator', include: ['mpesa-emulator/tests/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/vitest-global-setup.ts'],
          setupFiles: ['tests/support/vitest-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
