/**
 * `npm test`: typecheck, lint, unit tests, the production build and its page
 * weight (scripts/page-weight.ts), integration
 * tests against a real PostgreSQL and end-to-end tests in Chromium. Stops at
 * the first failing step and ends with a one-line count of all tests.
 *
 * The steps before the integration tests need nothing from each other but
 * the build's page weight, so they run in two lanes side by side (typecheck,
 * lint, build on one; the unit and emulator tests on the other), each step's
 * output printed whole when it ends. The build comes after the typecheck on
 * its lane: tsc reads `.next/types`, which the build writes. The integration
 * and end-to-end tests then run one after the other, alone: they load both
 * cores.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string[];
  /** JSON report to read test counts from. */
  report?: string;
  /** The lane it runs on before the integration tests; steps without one run alone, in order, after both lanes. */
  lane?: 'checks' | 'tests';
}

const steps: Step[] = [
  { name: 'typecheck', lane: 'checks', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', lane: 'checks', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  {
    name: 'unit',
    lane: 'tests',
    command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    report: 'test-results/unit.json',
  },
  {
    name: 'emulator',
    lane: 'tests',
    command: ['npx', 'vitest', 'run', '--project', 'emulator', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/emulator.json'],
    report: 'test-results/emulator.json',
  },
  {
    name: 'mpesa-emulator',
    lane: 'tests',
    command: ['npx', 'vitest', 'run', '--project', 'mpesa-emulator', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/mpesa-emulator.json'],
    report: 'test-results/mpesa-emulator.json',
  },
  {
    name: 'emulator-browser',
    lane: 'tests',
    command: ['npx', 'playwright', 'test', '-c', 'stripe-emulator/playwright.config.ts'],
    report: 'test-results/emulator-browser.json',
  },
  { name: 'build', lane: 'checks', command: ['node', '--import', 'tsx', 'scripts/build-if-stale.ts'] },
  // Each page's first-load JavaScript (gzip) against its budget, from the build just made.
  { name: 'page-weight', lane: 'checks', command: ['node', '--import', 'tsx', 'scripts/page-weight.ts'] },
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
const chosen = steps.filter((s) => only.length === 0 || only.includes(s.name));
let ok = true;

/** Runs one step; with `buffered`, its output is held and printed in one piece when it ends. */
function run(step: Step, buffered: boolean): Promise<boolean> {
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const header = `\n=== ${step.name}: ${step.command.join(' ')}`;
  if (!buffered) console.log(header);
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const child = spawn(step.command[0] ?? 'false', step.command.slice(1), {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.stdout?.on('data', (d: Buffer) => chunks.push(d));
    child.stderr?.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', (err) => chunks.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code) => {
      const c = counts(step);
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
      // A runner's own report wins over its exit code: a failed test is a failure even if the process exited 0.
      const passed = code === 0 && c.failed === 0;
      if (!passed && c.failed === 0) totals.failed += 1; // a failing typecheck, lint or build counts as one failure
      if (buffered) process.stdout.write(`${header}\n${Buffer.concat(chunks).toString()}`);
      console.log(`=== ${step.name}: ${passed ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(passed);
    });
  });
}

/** One lane: its steps in order, stopping at the first failure or when the other lane has failed. */
async function lane(name: Step['lane']): Promise<void> {
  for (const step of chosen.filter((s) => s.lane === name)) {
    if (!ok) return;
    if (!(await run(step, true))) ok = false;
  }
}

const started = Date.now();
await Promise.all([lane('checks'), lane('tests')]);
if (chosen.some((s) => s.lane)) console.log(`=== both lanes: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const step of chosen.filter((s) => !s.lane)) {
  if (!ok) break;
  if (!(await run(step, false))) ok = false;
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}, in ${minutes} min`);
process.exit(ok ? 0 : 1);
