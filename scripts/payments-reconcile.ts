/**
 * Seed 004's check_pending_payments, by hand:
 *   npm run payments:reconcile -- --hours 24 [--update]
 * reads every payment still created, pending or failed after that many hours
 * back from Stripe and prints what differs; with --update it applies it (and
 * cancels PaymentIntents nothing wants any more). The worker runs the same
 * check every RECONCILE_MINUTES.
 *
 * Database: DATABASE_URL, else the embedded PostgreSQL (as db:seed). Stripe:
 * STRIPE_SECRET_KEY (and STRIPE_API_BASE), else the local emulator on
 * STRIPE_EMULATOR_PORT (12111) when it is running.
 */
import { parseArgs } from 'node:util';
import { loadDotEnv, localSecrets } from './lib/data-dir';
import { openDatabase } from './lib/database';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run payments:reconcile -- --hours 24 [--update]`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { hours: { type: 'string', default: '24' }, update: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
});
if (values.help) usage('Reconciles payments still waiting on Stripe.');
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours < 0) usage('--hours must be a non-negative number.');

loadDotEnv();

async function emulatorIsUp(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/js/stripe.js`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

if (!process.env.STRIPE_SECRET_KEY) {
  const base = `http://127.0.0.1:${process.env.STRIPE_EMULATOR_PORT || 12111}`;
  if (!(await emulatorIsUp(base))) {
    console.error(`STRIPE_SECRET_KEY is not set and no Stripe emulator answers on ${base}. Start the app (npm start) or set STRIPE_SECRET_KEY.`);
    process.exit(1);
  }
  process.env.STRIPE_SECRET_KEY = 'sk_test_offline_emulator';
  process.env.STRIPE_API_BASE ??= base;
}

// The app's environment check wants its secrets even though this job does not use them.
const secrets = await localSecrets();
process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
process.env.QUESTIONNAIRE_KEY ??= secrets.QUESTIONNAIRE_KEY;

const database = await openDatabase(console.log);
process.env.DATABASE_URL = database.url;
let exitCode = 0;
try {
  // Loaded only now, so the app's env() sees the database and Stripe chosen above.
  const { payments } = await import('../lib/flows');
  const { closeDb } = await import('../db/client');
  try {
    const update = values.update;
    const result = await payments.reconcile({ olderThanMinutes: Math.round(hours * 60), update });
    console.log(`Checked ${result.checked} payment(s) waiting on Stripe for more than ${hours} h (${database.description}).`);
    if (result.changed.length === 0) console.log('Nothing differs from Stripe.');
    else {
      console.table(result.changed.map((c) => ({ payment_intent: c.id, local: c.from, stripe: c.stripe_status, [update ? 'now' : 'would be']: c.to, action: c.action })));
      if (!update) console.log('Run again with --update to apply these.');
    }
    if (result.errors.length > 0) {
      exitCode = 1;
      console.error('Could not reconcile:');
      console.table(result.errors.map((e) => ({ payment_intent: e.id, error: e.message })));
    }
  } finally {
    await closeDb();
  }
} finally {
  await database.stop();
}
process.exit(exitCode);
