import { readdirSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The domains: every folder of lib/. Each exposes what others may use through its index.ts.
const domains = readdirSync(new URL('./lib', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Code held to the boundaries: the app, its UI, the domains and the scripts. Tests may reach internals;
// db/ sits below the domains (the seed takes the pure helpers it needs directly); the emulator is a program of its own.
const held = ['./app/**', './components/**', './scripts/**', './lib/**', './*.ts'];

const boundaries = [
  // A domain is used through its surface only.
  ...domains.map((domain) => ({
    target: held.flatMap((glob) => (glob === './lib/**' ? [`./lib/!(${domain})/**`, './lib/*.ts'] : [glob])),
    from: `./lib/${domain}`,
    except: ['./index.ts'],
    message: `Import lib/${domain} through its surface, '@/lib/${domain}' (lib/${domain}/index.ts); what it does not export there is private to the folder.`,
  })),
  // Seed 003's decoupling: payments know payables by type and id, never what is paid for.
  {
    target: './lib/payments',
    from: ['./lib/bookings', './lib/packages', './lib/credits', './lib/flows'],
    message: 'Payments never import bookings, packages, credits or flows: they are handed the payable registry (lib/flows/payments.ts).',
  },
  {
    target: ['./lib/bookings', './lib/packages', './lib/credits'],
    from: ['./lib/payments', './lib/flows'],
    message: 'Bookings, packages and credits never import payments: they react to payment outcomes through lib/payables, and lib/flows is where they meet.',
  },
  // Routes only in app/: the database is reached through lib/.
  { target: './app', from: './db', message: 'app/ holds routes only: reach the database through a lib/ domain.' },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': ['error', { zones: boundaries }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'stripe', message: "Only lib/payments/stripe* import 'stripe': use the payments domain." }] },
      ],
    },
  },
  {
    files: ['app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'stripe', message: "Only lib/payments/stripe* import 'stripe': use the payments domain." }],
          patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'app/ holds routes only: queries live in lib/.' }],
        },
      ],
    },
  },
  {
    // The Stripe adapter itself, the emulator (a program of its own) and the tests that drive it through the real SDK.
    files: ['lib/payments/stripe*.ts', 'stripe-emulator/**', 'tests/**', 'scripts/bench-stripe-emulator.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  globalIgnores(['.next/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
