/**
 * The job worker, started by the launcher beside the app (run it with
 * `node --conditions=react-server --import tsx scripts/worker.ts`, so
 * server-only modules load). It expires unpaid holds: each at its time
 * through a pg-boss job, and every HOLD_SWEEP_SECONDS (30) through a sweep
 * that catches any job that was lost. Every RECONCILE_MINUTES (10) it reads
 * payments still waiting on Stripe back from it, so a lost webhook never
 * leaves a paid booking unconfirmed or a hold stuck. It refunds a payment that
 * succeeded for a booking that could no longer take it (the auto-refund job), and
 * retries, with backoff, a refund a cancellation owes that failed at once (the
 * cancel-refund job). Every CREDIT_EXPIRY_SECONDS
 * (60) it writes off what is left of credits past their expiry. Every
 * AUTO_COMPLETE_SECONDS (300) it completes classes and sessions still open
 * auto_complete_hours after their end; it sends Stripe payouts' transfers
 * (payout-transfer jobs) and runs the weekly payouts when payout_schedule is weekly.
 */
import { getDb, isDatabaseUnavailable } from '../db/client';
import { autoCompleteDue, expireDueHolds, expireHold } from '../lib/bookings';
import { now } from '../lib/clock';
import { expireDueCredits } from '../lib/credits';
import { getBoss, QUEUES, type JobData } from '../lib/jobs';
import { logger } from '../lib/logger';
import { createPayouts, payments, sendPayout } from '../lib/flows';
import { env } from '../lib/env';
import { mpesaConfigured } from '../lib/payments';
import { getSetting } from '../lib/settings';
import { deliverDueMessages, deliverMessage } from '../lib/mail';
import { sendDueReminders } from '../lib/flows';

const sweepSeconds = Number(process.env.HOLD_SWEEP_SECONDS || 30);
if (!Number.isFinite(sweepSeconds) || sweepSeconds <= 0) {
  console.error('[worker] HOLD_SWEEP_SECONDS must be a positive number.');
  process.exit(1);
}
const reconcileMinutes = Number(process.env.RECONCILE_MINUTES || 10);
if (!Number.isFinite(reconcileMinutes) || reconcileMinutes <= 0) {
  console.error('[worker] RECONCILE_MINUTES must be a positive number.');
  process.exit(1);
}

// Seed 004's check_pending_payments for M-Pesa: STK Query for prompts pending longer than MPESA_QUERY_AFTER_SECONDS.
const mpesaQuerySeconds = Number(process.env.MPESA_QUERY_EVERY_SECONDS || 60);
if (!Number.isFinite(mpesaQuerySeconds) || mpesaQuerySeconds <= 0) {
  console.error('[worker] MPESA_QUERY_EVERY_SECONDS must be a positive number.');
  process.exit(1);
}

const creditExpirySeconds = Number(process.env.CREDIT_EXPIRY_SECONDS || 60);
if (!Number.isFinite(creditExpirySeconds) || creditExpirySeconds <= 0) {
  console.error('[worker] CREDIT_EXPIRY_SECONDS must be a positive number.');
  process.exit(1);
}

const autoCompleteSeconds = Number(process.env.AUTO_COMPLETE_SECONDS || 300);
if (!Number.isFinite(autoCompleteSeconds) || autoCompleteSeconds <= 0) {
  console.error('[worker] AUTO_COMPLETE_SECONDS must be a positive number.');
  process.exit(1);
}

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`[worker] ${name} must be a positive number.`);
    process.exit(1);
  }
  return value;
}
const mailSweepSeconds = seconds('MAIL_SWEEP_SECONDS', 30);
const reminderSweepSeconds = seconds('REMINDER_SWEEP_SECONDS', 300);

// pg-boss 10 does not await its own complete()/fail() after a job (manager.js onFetch): with the database gone
// they reject unhandled, which ends the process. Such a job stays active and pg-boss retries it once it expires;
// the worker rides the outage out. Any other unhandled rejection still ends it.
process.on('unhandledRejection', (err) => {
  if (isDatabaseUnavailable(err)) {
    logger.error('database connection lost (the job is retried when it expires)', { message: (err as Error).message });
    return;
  }
  throw err;
});

// postgres-js 3.4.9 can throw from a setImmediate after a connection closed mid-write (nextWrite on a null socket,
// porsager/postgres#1154 and #1208, unfixed upstream): nothing can catch it, and the query it belonged to was already
// rejected with CONNECTION_CLOSED, so the worker logs it and goes on. Any other uncaught exception still ends it.
process.on('uncaughtException', (err) => {
  if (err instanceof TypeError && /reading 'write'/.test(err.message) && /postgres\/src\/connection\.js/.test(err.stack ?? '') && /nextWrite/.test(err.stack ?? '')) {
    logger.error('database connection closed mid-write (a postgres-js defect; the query was already refused)', { message: err.message });
    return;
  }
  console.error(err);
  process.exit(1);
});

/** pg-boss, once the database answers: started while it is down (a restart), the worker waits rather than exits. */
async function startBoss() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getBoss('worker');
    } catch (err) {
      if (!isDatabaseUnavailable(err) || attempt >= 120) throw err;
      if (attempt === 1) console.error(`[worker] database unreachable (${(err as Error).message}); waiting for it...`);
      await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5_000)));
    }
  }
}
const boss = await startBoss();

// E-mail: each outbox message once, after the commit that queued it; failures schedule their own next attempt.
await boss.work<JobData['deliver-mail']>(QUEUES.deliverMail, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) await deliverMessage(job.data.messageId);
});
await boss.work<JobData['expire-hold']>(QUEUES.expireHold, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) {
    if (await expireHold(job.data.bookingId)) logger.info('hold expired', { bookingId: job.data.bookingId });
  }
});

// A payment that succeeded for a payable that could no longer take it: refunded after the commit that saw it, once.
await boss.work<JobData['auto-refund']>(QUEUES.autoRefund, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) {
    await payments.refundAutomatically(job.data.paymentIntentId);
    logger.info('payment refunded automatically', { payment_intent: job.data.paymentIntentId });
  }
});

// A refund a cancellation owes that failed at once: tried again (pg-boss's backoff) until it is made; keyed at Stripe by the payment, so once.
await boss.work<JobData['cancel-refund']>(QUEUES.cancelRefund, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
  if (!job) return;
  const outcome = await payments.retryOwedRefund(job.data.paymentId);
  logger.info('owed refund retried', { payment_id: job.data.paymentId, outcome });
});

// A Stripe payout's transfer, after the commit that reserved its lines; idempotent by the payout's id.
await boss.work<JobData['payout-transfer']>(QUEUES.payoutTransfer, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) await sendPayout(job.data.payoutId);
});

// Weekly payouts: Monday 06:00 in the platform's zone; each run checks the payout_schedule setting.
await boss.schedule(QUEUES.weeklyPayouts, '0 6 * * 1', {}, { tz: await getSetting('platform_time_zone') });
await boss.work<JobData['weekly-payouts']>(QUEUES.weeklyPayouts, async () => {
  if ((await getSetting('payout_schedule')) !== 'weekly') return;
  const made = await createPayouts(null, { method: 'stripe' });
  logger.info('weekly payouts', { count: made.length });
});

let completing = false;
const autoComplete = setInterval(() => {
  if (completing) return;
  completing = true;
  // Sessions left open past auto_complete_hours are delivered, so their earnings become available.
  autoCompleteDue()
    .then((n) => (n.classes > 0 || n.sessions > 0) && logger.info('auto-completed', n))
    .catch((err: unknown) => logger.error('auto-complete failed', { message: (err as Error).message }))
    .finally(() => (completing = false));
}, autoCompleteSeconds * 1000);

/** Runs `task` every `everySeconds`, never two at once, logging failures. */
function every(everySeconds: number, name: string, task: () => Promise<unknown>): NodeJS.Timeout {
  let running = false;
  return setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => logger.error(`${name} failed`, { message: (err as Error).message }))
      .finally(() => (running = false));
  }, everySeconds * 1000);
}
// Messages whose job was lost (a crash mid-delivery) are delivered anyway.
const mailSweep = every(mailSweepSeconds, 'mail sweep', () => deliverDueMessages());
// Session reminders, questionnaire renewals and expiring credits.
const reminderSweep = every(reminderSweepSeconds, 'reminder sweep', () => sendDueReminders());

let sweeping = false;
const sweep = setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  expireDueHolds()
    .then((n) => n > 0 && logger.info('sweep expired holds', { count: n }))
    .catch((err: unknown) => logger.error('hold sweep failed', { message: (err as Error).message }))
    .finally(() => (sweeping = false));
}, sweepSeconds * 1000);

let reconciling = false;
const reconcile = setInterval(() => {
  if (reconciling) return;
  reconciling = true;
  // Only payments quiet for 15 minutes: younger ones are still in the client's hands or the webhook's.
  payments.reconcile({ olderThanMinutes: 15, update: true })
    .catch((err: unknown) => logger.error('payment reconciliation failed', { message: (err as Error).message }))
    .finally(() => (reconciling = false));
}, reconcileMinutes * 60_000);

// Owed refunds whose tries ran out (or whose job was lost) get a new round, so one is never left owed for good.
const owedRefundSweep = every(reconcileMinutes * 60, 'owed refund sweep', async () => {
  const n = await payments.requeueStaleOwedRefunds();
  if (n > 0) logger.info('owed refunds queued again', { count: n });
});

let queryingMpesa = false;
const mpesaQuery = setInterval(() => {
  if (queryingMpesa || !mpesaConfigured()) return;
  queryingMpesa = true;
  payments
    .reconcileMpesa({ olderThanSeconds: env().MPESA_QUERY_AFTER_SECONDS, update: true })
    .catch((err: unknown) => logger.error('M-Pesa reconciliation failed', { message: (err as Error).message }))
    .finally(() => (queryingMpesa = false));
}, mpesaQuerySeconds * 1000);

let expiringCredits = false;
const creditExpiry = setInterval(() => {
  if (expiringCredits) return;
  expiringCredits = true;
  // Expired credits are never used whether or not this has run; this writes their leftovers off in the ledger.
  expireDueCredits(getDb(), now())
    .then((n) => n > 0 && logger.info('credits expired', { count: n }))
    .catch((err: unknown) => logger.error('credit expiry failed', { message: (err as Error).message }))
    .finally(() => (expiringCredits = false));
}, creditExpirySeconds * 1000);

console.log(`[worker] running (auto-complete every ${autoCompleteSeconds} s, hold sweep every ${sweepSeconds} s, credit expiry every ${creditExpirySeconds} s, payment reconciliation every ${reconcileMinutes} min, M-Pesa STK Query every ${mpesaQuerySeconds} s)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweep);
    clearInterval(reconcile);
    clearInterval(mpesaQuery);
    clearInterval(creditExpiry);
    clearInterval(autoComplete);
    clearInterval(mailSweep);
    clearInterval(reminderSweep);
    clearInterval(owedRefundSweep);
    void boss.stop({ graceful: true, timeout: 5_000 }).finally(() => process.exit(0));
  });
}
