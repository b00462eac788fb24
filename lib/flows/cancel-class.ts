import 'server-only';
import { cancelClassAndBookings, getBookingFor } from '@/lib/bookings';
import type { PublicUser } from '@/lib/users';
import { settleBooking } from './cancel-booking';

/**
 * Cancels a class and every active booking in it, then gives each client back
 * what they paid: the card refunded in full, or the credit's use returned.
 */
export async function cancelClassAndSettle(classId: string, actor: PublicUser, reason: string): Promise<{ cancelled_bookings: number; refunds: number; credits_returned: number }> {
  const { cancelled_bookings, booking_ids } = await cancelClassAndBookings(classId, actor, reason);
  let refunds = 0;
  let creditsReturned = 0;
  for (const id of booking_ids) {
    const settled = await settleBooking(await getBookingFor(id, actor), actor, `Class cancelled: ${reason}`);
    if (settled.refund) refunds++;
    if (settled.credit_returned) creditsReturned++;
  }
  return { cancelled_bookings, refunds, credits_returned: creditsReturned };
}
