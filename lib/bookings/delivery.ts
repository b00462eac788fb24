import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { bookings } from '@/db/schema';
import { now } from '@/lib/clock';
import { deliverEarning } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { classesOpenSince, markClassCompleted } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import type { PublicUser } from '@/lib/users';

/**
 * Delivery (PRODUCT.md's Earnings rule): a class is completed as a whole, with
 * its confirmed bookings; the worker completes any class or 1:1 session still
 * open `auto_complete_hours` after its end, so an earning never stays pending
 * because someone forgot to click. Each completion and its earnings commit together.
 */

async function completeBookingsIn(tx: Tx, where: ReturnType<typeof and>, at: Date): Promise<number> {
  const done = await tx
    .update(bookings)
    .set({ status: 'completed', actualEndAt: at, updatedAt: at })
    .where(and(where, inArray(bookings.status, ['confirmed', 'in_progress'])))
    .returning({ id: bookings.id });
  for (const b of done) await deliverEarning(tx, b.id, at);
  return done.length;
}

/** POST /api/v1/classes/:id/complete (its provider or an admin): the class and its confirmed bookings. */
export async function completeClass(classId: string, actor: PublicUser | null, at: Date = now()): Promise<{ completed_bookings: number }> {
  if (actor?.role === 'client') {
    throw new AppError('forbidden', 'Only the class’s practitioner or an admin can complete it.');
  }
  return getDb().transaction(async (tx) => {
    await markClassCompleted(tx, classId, actor, at);
    return { completed_bookings: await completeBookingsIn(tx, eq(bookings.classId, classId), at) };
  });
}

/** The worker's sweep: classes and 1:1 sessions still open `auto_complete_hours` after their end. Returns how many were completed. */
export async function autoCompleteDue(at: Date = now()): Promise<{ classes: number; sessions: number }> {
  const hours = await getSetting('auto_complete_hours');
  let classCount = 0;
  for (const id of await classesOpenSince(hours, at)) {
    try {
      await completeClass(id, null, at);
      classCount++;
    } catch (err) {
      logger.error('auto-completing a class failed', { class_id: id, message: (err as Error).message });
    }
  }
  const due = await getDb()
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.kind, 'session'),
        inArray(bookings.status, ['confirmed', 'in_progress']),
        sql`${bookings.endsAt} + make_interval(secs => ${hours * 3600}) < ${at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(bookings.endsAt))
    .limit(200);
  let sessions = 0;
  for (const b of due) {
    sessions += await getDb().transaction((tx) => completeBookingsIn(tx, eq(bookings.id, b.id), at));
  }
  return { classes: classCount, sessions };
}
