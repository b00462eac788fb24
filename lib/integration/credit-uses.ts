import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, type Booking } from '@/db/schema';
import { creditUsedBy, findCredit } from '@/lib/credits';
import { payBookingWithCredit, returnBookingCredit } from '@/lib/flows';
import { AppError } from '@/lib/errors';
import { actorOf, bookingFor, type IntegrationCaller } from './caller';

export interface UseCreditResult {
  success: true;
  booking_id: string;
  booking_status: Booking['status'];
  credit_id: string;
  remaining_classes: number;
}

export interface RefundCreditResult {
  success: true;
  booking_id: string;
  credit_id: string;
  remaining_classes: number;
  /** False when the use had already been given back (or the credit's purchase was refunded). */
  returned: boolean;
}

const usedIds = (b: Pick<Booking, 'id' | 'rescheduledFromId'>) => (b.rescheduledFromId ? [b.id, b.rescheduledFromId] : [b.id]);

/**
 * seed 000's "use credit": pays a booking awaiting payment with one use.
 * Asking again for a booking already paid with a credit takes nothing more.
 */
export async function useCreditForBooking(caller: IntegrationCaller, input: { bookingId: string; creditId?: string }): Promise<UseCreditResult> {
  const booking = await bookingFor(caller, input.bookingId);
  if (input.creditId && !(await findCredit(input.creditId))) {
    throw new AppError('not_found', 'No such credit.', { fields: { credit_id: ['No credit has this id.'] } });
  }
  const before = await creditUsedBy(getDb(), usedIds(booking));
  if (before && input.creditId && before.creditId !== input.creditId) {
    throw new AppError('conflict', 'This booking was paid with another credit.', { fields: { credit_id: ['The booking used a different credit.'] } });
  }
  await payBookingWithCredit(booking, actorOf(caller), input.creditId);
  const [after] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
  const used = await creditUsedBy(getDb(), usedIds(booking));
  const credit = used ? await findCredit(used.creditId) : undefined;
  if (!after || !credit) throw new Error(`booking ${booking.id} was paid with a credit that cannot be found`);
  return { success: true, booking_id: after.id, booking_status: after.status, credit_id: credit.id, remaining_classes: credit.remainingUses };
}

/**
 * seed 000's "refund credit (booking cancelled)": gives a cancelled booking's
 * use back to its credit, even after a late cancellation (an admin's or the
 * payment system's override of the policy). Once per booking.
 */
export async function refundCreditForBooking(caller: IntegrationCaller, input: { bookingId: string; creditId?: string }): Promise<RefundCreditResult> {
  const booking = await bookingFor(caller, input.bookingId);
  const used = await creditUsedBy(getDb(), usedIds(booking));
  if (!used) throw new AppError('unprocessable', 'This booking was not paid with a credit.', { fields: { booking_id: ['The booking used no credit.'] } });
  if (input.creditId && input.creditId !== used.creditId) {
    throw new AppError('conflict', 'This booking was paid with another credit.', { fields: { credit_id: ['The booking used a different credit.'] } });
  }
  if (booking.status !== 'cancelled') {
    throw new AppError('invalid_transition', `Only a cancelled booking's credit can be given back; this booking is ${booking.status.replace('_', ' ')}.`);
  }
  const returned = await returnBookingCredit(booking, actorOf(caller), caller.apiKey ? `Given back by ${caller.apiKey.name}` : 'Given back by an admin');
  const credit = returned ?? (await findCredit(used.creditId));
  if (!credit) throw new Error(`credit ${used.creditId} cannot be found`);
  return { success: true, booking_id: booking.id, credit_id: credit.id, remaining_classes: credit.remainingUses, returned: returned !== null };
}
