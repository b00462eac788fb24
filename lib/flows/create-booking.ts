import 'server-only';
import { type CreateBookingBody, createBooking, type BookingDto } from '@/lib/bookings';
import { userActor, payWithCredit } from '@/lib/credits';
import type { StartedPayment } from '@/lib/payments';
import type { PublicUser } from '@/lib/users';
import { payments } from './payments';

/**
 * Books for a client and starts what pays for it: with `pay_with: "credit"`
 * one use of a credit, in the booking's own transaction (confirmed at once);
 * otherwise the card payment of a booking awaiting one. A Stripe failure
 * leaves `payment` null and never loses the booking.
 */
export async function bookAndPay(client: PublicUser, body: CreateBookingBody): Promise<{ booking: BookingDto; payment: StartedPayment | null }> {
  const booking = await createBooking(client, body, payWithCredit(userActor(client.id)));
  const payment = await payments.forNewPayable(booking.payable, client, booking.status === 'pending_payment');
  return { booking, payment };
}
