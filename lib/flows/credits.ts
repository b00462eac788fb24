import 'server-only';
import { getDb } from '@/db/client';
import type { Booking, Credit } from '@/db/schema';
import { payPendingBooking } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { returnUse, type CreditActor, payWithCredit } from '@/lib/credits';
import { reverseEarning } from '@/lib/earnings';
import { cancelOpenPayment } from '@/lib/payments';

/**
 * Where bookings, credits and payments meet over a class credit. Each domain
 * stays unaware of the others; these flows pass one's functions to another.
 */

/**
 * Pays a booking awaiting payment with a credit (seed 000's "use credit"):
 * one use, from `creditId` or from the valid credit that expires first, and
 * the booking is confirmed at once. Its card payment, if one was started, is
 * cancelled; a card payment that succeeds anyway is refunded automatically.
 */
export async function payBookingWithCredit(booking: Booking, actor: CreditActor, creditId?: string): Promise<'paid' | 'already_paid'> {
  const result = await payPendingBooking(booking, payWithCredit(actor, creditId));
  if (result === 'paid') await cancelOpenPayment({ type: 'booking', id: booking.id });
  return result;
}

/**
 * Gives a cancelled booking's use back to the credit it came from (the use
 * of a rescheduled booking stays with the original). Once per booking: null
 * when nothing was given back (not paid with a credit, already returned, or
 * the credit's purchase was refunded).
 */
export async function returnBookingCredit(booking: Pick<Booking, 'id' | 'rescheduledFromId'>, actor: CreditActor, reason: string): Promise<Credit | null> {
  const ids = booking.rescheduledFromId ? [booking.id, booking.rescheduledFromId] : [booking.id];
  return getDb().transaction(async (tx) => {
    const at = now();
    const credit = await returnUse(tx, ids, { at, actor, reason });
    // The use went back: the session earns its provider nothing.
    if (credit) await reverseEarning(tx, booking.id, at);
    return credit;
  });
}
