import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

/** Jobs run by the worker (scripts/worker.ts). */
export const QUEUES = {
  expireHold: 'expire-hold',
  autoRefund: 'auto-refund',
  cancelRefund: 'cancel-refund',
  payoutTransfer: 'payout-transfer',
  weeklyPayouts: 'weekly-payouts',
  deliverMail: 'deliver-mail',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobData {
  'expire-hold': { bookingId: string };
  /** A payment that succeeded for a payable that could no longer take it: give the money back. */
  'auto-refund': { paymentIntentId: string };
  /** A refund a cancellation owes that failed at once: tried again with backoff until made (payments' owed_refunds row says whether it still is owed). */
  'cancel-refund': { paymentId: string };
  /** A Stripe payout's transfer, made after the commit that reserved its lines (idempotent by the payout's id). */
  'payout-transfer': { payoutId: string };
  /** Monday 06:00 in the platform's zone, when payout_schedule is weekly. */
  'weekly-payouts': Record<string, never>;
  /** An outbox message to send (its row says whether it still needs to be). */
  'deliver-mail': { messageId: string };
}

const globalForBoss = globalThis as unknown as { __wellbookBoss?: Promise<PgBoss> };

/**
 * pg-boss on the app's own database (schema `pgboss`). The web app only sends
 * jobs, so it runs no maintenance or schedules; the worker does.
 */
export function getBoss(role: 'sender' | 'worker' = 'sender'): Promise<PgBoss> {
  globalForBoss.__wellbookBoss ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      max: role === 'worker' ? 4 : 2,
      supervise: role === 'worker',
      schedule: role === 'worker',
      application_name: `wellbook-${role}`,
    });
    boss.on('error', (err: Error) => logger.error('job queue error', { message: err.message }));
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
    return boss;
  })();
  globalForBoss.__wellbookBoss.catch(() => {
    globalForBoss.__wellbookBoss = undefined;
  });
  return globalForBoss.__wellbookBoss;
}

/**
 * pg-boss's statements run on a transaction's own connection, so a job is
 * created if and only if the transaction commits. pg-boss writes `$1`-style
 * placeholders; they become bound parameters of a Drizzle query.
 */
function inTransaction(tx: Tx) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const query = sql.empty();
      text.split(/\$(\d+)/).forEach((part, i) => {
        if (i % 2 === 0) query.append(sql.raw(part));
        else {
          const value = values[Number(part) - 1] ?? null;
          // Objects (a job's data) are sent as JSON text; the statement casts them to jsonb.
          query.append(sql`${typeof value === 'object' && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value}`);
        }
      });
      const rows = await tx.execute(query);
      return { rows: [...rows] };
    },
  };
}

export interface EnqueueOptions {
  /** Not before this instant. */
  startAfter?: Date;
  /** At most one job with this key waits or runs at a time. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
}

/**
 * Queues a job inside `tx`: it exists only if the transaction commits, and
 * the worker runs it after the commit (exactly the effect's own fate).
 */
export async function enqueue<Q extends QueueName>(tx: Tx, queue: Q, data: JobData[Q], options: EnqueueOptions = {}): Promise<void> {
  const boss = await getBoss();
  await boss.send(queue, data as object, { ...options, db: inTransaction(tx) });
}

/** Asks the worker to expire a hold when it runs out, in the transaction that made the hold (the sweep is the safety net). */
export async function scheduleHoldExpiry(tx: Tx, bookingId: string, at: Date): Promise<void> {
  await enqueue(tx, QUEUES.expireHold, { bookingId }, { startAfter: at, singletonKey: bookingId, retryLimit: 5, retryDelay: 5 });
}
