import 'server-only';
import { cancelBooking, type BookingDto, getBookingFor } from '@/lib/bookings';
import { userActor } from '@/lib/credits';
import { logger } from '@/lib/logger';
import type { RefundDto } from '@/lib/payments';
import type { PublicUser } from '@/lib/users';
import { returnBookingCredit } from './credits';
import { payments } from './payments';

export interface CancelSettlement {
  booking: BookingDto;
  refund: RefundDto | null;
  /** The credit the booking's use went back to, with what it has left now. */
  credit_returned: { credit_id: string; remaining_classes: number } | null;
}

/**
 * Cancels a booking, then settles what the policy owes back: a card payment is
 * refunded at once (a payment still waiting is cancelled), a credit's use goes
 * back to its credit. Bookings, payments and credits stay unaware of each
 * other; this flow is where they meet.
 */
export async function cancelBookingAndSettle(id: string, user: PublicUser, reason: string): Promise<CancelSettlement> {
  const cancelled = await cancelBooking(id, user, reason);
  const settled = await settleBooking(cancelled, user, reason);
  return { booking: settled.refund ? await getBookingFor(id, user) : cancelled, ...settled };
}

/**
 * What a cancelled booking is owed back, carried out. A card refund the provider
 * does not take at once is owed: payments record it and the worker retries it
 * until it is made (admins see it on the payments page meanwhile). Only a
 * failure to record even that is logged here; `refund_due` stays recorded.
 */
export async function settleBooking(cancelled: BookingDto, user: PublicUser, reason: string): Promise<Omit<CancelSettlement, 'booking'>> {
  if (cancelled.payment_type === 'credit') {
    if (cancelled.refund_due !== 'full') return { refund: null, credit_returned: null };
    const credit = await returnBookingCredit({ id: cancelled.id, rescheduledFromId: cancelled.rescheduled_from_id }, userActor(user.id), `Cancelled in time: ${reason}`).catch(
      (err: unknown) => {
        logger.error('returning a credit after cancellation failed', { booking_id: cancelled.id, message: (err as Error).message });
        return null;
      },
    );
    return { refund: null, credit_returned: credit ? { credit_id: credit.id, remaining_classes: credit.remainingUses } : null };
  }
  const refund = await payments.settleCancelled(cancelled.payable, { refundDue: cancelled.refund_due, paymentStatus: cancelled.payment_status }, reason, user).catch((err: unknown) => {
    // The cancellation stands; refund_due stays recorded for an admin to act on.
    logger.error('refund after cancellation failed and could not be queued for retry', { booking_id: cancelled.id, message: (err as Error).message });
    return null;
  });
  return { refund, credit_returned: null };
}
