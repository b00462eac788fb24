import 'server-only';
import { cancelBooking } from '@/lib/bookings/lifecycle';
import type { BookingDto } from '@/lib/bookings/dto';
import { getBookingFor } from '@/lib/bookings/queries';
import { logger } from '@/lib/logger';
import { settleCancelledPayable } from '@/lib/payments/payable-flow';
import type { RefundDto } from '@/lib/payments/refunds';
import type { PublicUser } from '@/lib/users/public-user';

/**
 * Cancels a booking, then lets payments settle it: a card payment owed back in
 * full is refunded at once, a payment still waiting is cancelled. Bookings and
 * payments stay unaware of each other; this flow is where they meet.
 */
export async function cancelBookingAndSettle(id: string, user: PublicUser, reason: string): Promise<{ booking: BookingDto; refund: RefundDto | null }> {
  const cancelled = await cancelBooking(id, user, reason);
  const refund = await settleCancelledPayable(
    cancelled.payable,
    { refundDue: cancelled.refund_due, paymentStatus: cancelled.payment_status },
    reason,
    user,
  ).catch((err: unknown) => {
    // The cancellation stands; refund_due stays recorded for an admin or the reconciliation to act on.
    logger.error('refund after cancellation failed', { booking_id: id, message: (err as Error).message });
    return null;
  });
  return { booking: refund ? await getBookingFor(id, user) : cancelled, refund };
}
