import PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

/** Jobs run by the worker (scripts/worker.ts). */
export const QUEUES = {
  expireHold: 'expire-hold',
} as const;

export interface JobData {
  'expire-hold': { bookingId: string };
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
 * Asks the worker to expire a hold when it runs out. Best effort: if the
 * queue cannot take the job, the worker's periodic sweep still expires it.
 */
export async function scheduleHoldExpiry(bookingId: string, at: Date): Promise<void> {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.expireHold, { bookingId } satisfies JobData['expire-hold'], {
      startAfter: at,
      singletonKey: bookingId,
      retryLimit: 5,
      retryDelay: 5,
    });
  } catch (err) {
    logger.warn('could not schedule hold expiry; the sweep will catch it', { bookingId, message: (err as Error).message });
  }
}
