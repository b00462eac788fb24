import 'server-only';
import { type Tx, getDb } from '@/db/client';
import { and, eq } from 'drizzle-orm';
import { bookings, classes, type Booking } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { announceConfirmed } from './messages';

/** What a booking is for, as something that pays for it in advance (a class credit) sees it. */
export type BookingTarget = { kind: 'class'; classId: string; seriesId: string | null } | { kind: 'session'; sessionTypeId: string };

export interface BookingToPay {
  id: string;
  clientId: string;
  target: BookingTarget;
  at: Date;
}

/**
 * Pays for a booking inside the booking's own transaction (a class credit):
 * the booking is confirmed at once, and if paying throws, the booking, its
 * seat and its time are rolled back with it. Bookings know nothing more of
 * what pays; the flow that books passes this in.
 */
export type PayInTransaction = (tx: Tx, booking: BookingToPay) => Promise<void>;

/**
 * Pays a booking that is waiting for payment some other way than its card
 * payment (a class credit), in one transaction: the booking is confirmed only
 * if paying succeeds. A booking already confirmed this way is returned as it
 * is (asking twice takes one use); any other state is a 409.
 */
export async function payPendingBooking(booking: Booking, payWith: PayInTransaction): Promise<'paid' | 'already_paid'> {
  if (booking.status === 'confirmed' && booking.paymentStatus === 'credit_used') return 'already_paid';
  const at = now();
  return getDb().transaction(async (tx) => {
    const [paid] = await tx
      .update(bookings)
      .set({ status: 'confirmed', paymentStatus: 'credit_used', paymentType: 'credit', amountDue: 0, feeAmount: 0, holdExpiresAt: null, updatedAt: at })
      .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'pending_payment')))
      .returning();
    if (!paid) {
      const [current] = await tx.select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
      if (current?.status === 'confirmed' && current.paymentStatus === 'credit_used') return 'already_paid';
      throw new AppError('invalid_transition', `Only a booking awaiting payment can be paid with a credit; this one is ${(current ?? booking).status.replace('_', ' ')}.`);
    }
    let seriesId: string | null = null;
    if (paid.classId) {
      const [cls] = await tx.select({ seriesId: classes.seriesId }).from(classes).where(eq(classes.id, paid.classId)).limit(1);
      seriesId = cls?.seriesId ?? null;
    }
    await payWith(tx, {
      id: paid.id,
      clientId: paid.clientId,
      target: paid.classId ? { kind: 'class', classId: paid.classId, seriesId } : { kind: 'session', sessionTypeId: paid.sessionTypeId ?? '' },
      at,
    });
    await announceConfirmed(tx, paid.id);
    return 'paid';
  });
}
