/**
 * The job worker, started by the launcher beside the app (run it with
 * `node --conditions=react-server --import tsx scripts/worker.ts`, so
 * server-only modules load). It expires unpaid holds: each at its time
 * through a pg-boss job, and every HOLD_SWEEP_SECONDS (30) through a sweep
 * that catches any job that was lost.
 */
import { expireDueHolds, expireHold } from '../lib/bookings/holds';
import { getBoss, QUEUES, type JobData } from '../lib/jobs/queue';
import { logger } from '../lib/logger';

const sweepSeconds = Number(process.env.HOLD_SWEEP_SECONDS || 30);
if (!Number.isFinite(sweepSeconds) || sweepSeconds <= 0) {
  console.error('[worker] HOLD_SWEEP_SECONDS must be a positive number.');
  process.exit(1);
}

const boss = await getBoss('worker');
await boss.work<JobData['expire-hold']>(QUEUES.expireHold, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
  for (const job of jobs) {
    if (await expireHold(job.data.bookingId)) logger.info('hold expired', { bookingId: job.data.bookingId });
  }
});

let sweeping = false;
const sweep = setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  expireDueHolds()
    .then((n) => n > 0 && logger.info('sweep expired holds', { count: n }))
    .catch((err: unknown) => logger.error('hold sweep failed', { message: (err as Error).message }))
    .finally(() => (sweeping = false));
}, sweepSeconds * 1000);

console.log(`[worker] running (hold sweep every ${sweepSeconds} s)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweep);
    void boss.stop({ graceful: true, timeout: 5_000 }).finally(() => process.exit(0));
  });
}
