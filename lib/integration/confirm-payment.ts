import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, type Booking } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { payments as payFlows } from '@/lib/flows';
import { payableOfPayment, paymentIntentNamed, requireSucceeded, type StripePaymentIntent } from '@/lib/payments';
import { actorOf, bookingFor, type IntegrationCaller } from './caller';

export interface ConfirmPaymentResult {
  success: true;
  booking_id: string;
  status: Booking['status'];
  payment_status: Booking['paymentStatus'];
}

// Payment statuses of a booking that the card payment did pay (a refund may have followed).
const PAID = ['paid', 'partially_refunded', 'refunded'];

/**
 * seed 000's "confirm payment", called by a payment system after Stripe took
 * the money. Nothing it says is trusted: the PaymentIntent is read from
 * Stripe and must have succeeded, belong to this booking and (if an amount is
 * sent) match it. It is then recorded and applied by the same path the
 * webhook takes, so a repeat, or the webhook landing too, has its effect once.
 */
export async function confirmBookingPayment(caller: IntegrationCaller, input: { bookingId: string; paymentId: string; amount?: number }): Promise<ConfirmPaymentResult> {
  const booking = await bookingFor(caller, input.bookingId);
  const pi = await paymentIntentNamed(input.paymentId);
  await requireForBooking(pi, booking.id);
  requireSucceeded(pi);
  if (input.amount !== undefined && (input.amount !== pi.amount_received || input.amount !== booking.amountDue)) {
    throw new AppError('unprocessable', 'The amount does not match the payment or the booking.', {
      fields: { amount: [`The payment received ${pi.amount_received} and the booking is due ${booking.amountDue} (minor units).`] },
    });
  }
  // Recorded (if we never wrote its row) and applied in one transaction, by the webhook's own path.
  await getDb().transaction((tx) => payFlows.recordExternalPayment(tx, { paymentIntent: pi, payable: { type: 'booking', id: booking.id }, recordedBy: actorOf(caller) }));
  const [after] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
  if (!after || !PAID.includes(after.paymentStatus) || after.paymentRef !== pi.id) {
    // A payment its booking can no longer take is refunded by the worker (expired, cancelled, paid with a credit).
    throw new AppError('conflict', `This booking could no longer take the payment (it is ${(after ?? booking).status.replace('_', ' ')}); the payment will be refunded.`);
  }
  return { success: true, booking_id: after.id, status: after.status, payment_status: after.paymentStatus };
}

/**
 * Whether the PaymentIntent is this booking's: our payment row says so, or
 * (no row yet) its metadata does. 409 when it pays for something else.
 */
async function requireForBooking(pi: StripePaymentIntent, bookingId: string): Promise<void> {
  const known = await payableOfPayment(pi.id);
  const ours = known ? known.type === 'booking' && known.id === bookingId : pi.metadata?.payable_type === 'booking' && pi.metadata?.payable_id === bookingId;
  if (!ours) {
    throw new AppError('conflict', 'This payment is not for this booking.', { fields: { payment_id: ['The PaymentIntent pays for something else.'] } });
  }
}
