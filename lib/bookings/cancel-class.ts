import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, waitlistEntries } from '@/db/schema';
import { now } from '@/lib/clock';
import { cancelClass as cancelScheduledClass } from '@/lib/schedule/classes';
import type { PublicUser } from '@/lib/users/public-user';
import { refundDueFor } from './lifecycle';
import { addNotice } from './notices';

/**
 * Cancels a class (its provider or an admin): every active booking in it is
 * cancelled and owed back in full, the waitlist is closed, and each client
 * gets a notice. Returns the bookings it cancelled, for what they are owed to be settled.
 */
export async function cancelClassAndBookings(classId: string, actor: PublicUser, reason: string): Promise<{ cancelled_bookings: number; booking_ids: string[] }> {
  const at = now();
  return getDb().transaction(async (tx) => {
    const cls = await cancelScheduledClass(classId, actor, tx);
    const active = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.classId, classId), inArray(bookings.status, ['pending_payment', 'confirmed'])))
      .for('update');
    for (const booking of active) {
      await tx
        .update(bookings)
        .set({
          status: 'cancelled',
          cancelledAt: at,
          cancelledBy: actor.id,
          cancelReason: `Class cancelled: ${reason}`,
          refundDue: refundDueFor(booking, actor, at, 0),
          holdExpiresAt: null,
          updatedAt: at,
        })
        .where(eq(bookings.id, booking.id));
      await addNotice(tx, booking.clientId, {
        kind: 'class_cancelled',
        message: `"${cls.title}" on ${cls.starts_at} was cancelled: ${reason}`,
        link: `/account/bookings/${booking.id}`,
      });
    }
    await tx.update(waitlistEntries).set({ status: 'left', updatedAt: at }).where(and(eq(waitlistEntries.classId, classId), eq(waitlistEntries.status, 'waiting')));
    return { cancelled_bookings: active.length, booking_ids: active.map((b) => b.id) };
  });
}
