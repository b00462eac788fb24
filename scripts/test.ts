/**
 * `npm test`: typecheck, lint, unit tests, the production build and its page
 * weight (scripts/page-weight.ts), integration
 * tests against a real PostgreSQL and end-to-end tests in Chromium. Stops at
 * the first failing step and ends with a one-line count of all tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
  /** JSON report to read test counts from. */
  report?: string;
}

const steps: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  {
    name: 'unit',
    command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    report: 'test-results/unit.json',
  },
  {
    name: 'emulator',
    command: ['npx', 'vitest', 'run', '--project', 'emulator', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/emulator.json'],
    report: 'test-results/emulator.json',
  },
  {
    name: 'mpesa-emulator',
    command: ['npx', 'vitest', 'run', '--project', 'mpesa-emulator', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/mpesa-emulator.json'],
    report: 'test-results/mpesa-emulator.json',
  },
  {
    name: 'emulator-browser',
    command: ['npx', 'playwright', 'test', '-c', 'stripe-emulator/playwright.config.ts'],
    report: 'test-results/emulator-browser.json',
  },
  { name: 'build', command: ['node', '--import', 'tsx', 'scripts/build-if-stale.ts'] },
  // Each page's first-load JavaScript (gzip) against its budget, from the build just made.
  { name: 'page-weight', command: ['node', '--import', 'tsx', 'scripts/page-weight.ts'] },
  {
    name: 'integration',
    command: ['npx', 'vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/integration.json'],
    report: 'test-results/integration.json',
  },
  { name: 'e2e', command: ['npx', 'playwright', 'test'], report: 'test-results/e2e-results.json' },
];

function counts(step: Step): { passed: number; failed: number; skipped: number } {
  if (!step.report || !existsSync(step.report)) return { passed: 0, failed: 0, skipped: 0 };
  const data = JSON.parse(readFileSync(step.report, 'utf8')) as Record<string, unknown>;
  if ('numPassedTests' in data) {
    return {
      passed: Number(data.numPassedTests),
      failed: Number(data.numFailedTests),
      skipped: Number(data.numPendingTests) + Number(data.numTodoTests ?? 0),
    };
  }
  const stats = (data.stats ?? {}) as Record<string, number>;
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);
let ok = true;
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0] ?? 'false', step.command.slice(1), { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const c = counts(step);
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  console.log(`=== ${step.name}: ${result.status === 0 && c.failed === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // A runner's own report wins over its exit code: a failed test is a failure even if the process exited 0.
  if (result.status !== 0 || c.failed > 0) {
    ok = false;
    if (c.failed === 0) totals.failed += 1; // a failing typecheck, lint or build counts as one failure
    break;
  }
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
