import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, payments, type Booking } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { payables } from '@/lib/payables';
import { newPaymentRow } from '@/lib/payments/start';
import type { StripePaymentIntent } from '@/lib/payments/stripe-types';
import { syncPaymentIntent } from '@/lib/payments/sync';
import { bookingFor, type IntegrationCaller } from './caller';
import { retrievePaymentIntent, requireSucceeded } from './payment-intents';

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
 * sent) match it. It is then applied by the same sync the webhook runs, so a
 * repeat, or the webhook landing too, has its effect once.
 */
export async function confirmBookingPayment(caller: IntegrationCaller, input: { bookingId: string; paymentId: string; amount?: number }): Promise<ConfirmPaymentResult> {
  const booking = await bookingFor(caller, input.bookingId);
  const pi = await retrievePaymentIntent(input.paymentId);
  const known = await belongsToBooking(pi, booking.id);
  requireSucceeded(pi);
  if (input.amount !== undefined && (input.amount !== pi.amount_received || input.amount !== booking.amountDue)) {
    throw new AppError('unprocessable', 'The amount does not match the payment or the booking.', {
      fields: { amount: [`The payment received ${pi.amount_received} and the booking is due ${booking.amountDue} (minor units).`] },
    });
  }
  if (!known) await recordBookingPayment(booking.id, pi);
  await syncPaymentIntent(pi.id);
  const [after] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id)).limit(1);
  if (!after || !PAID.includes(after.paymentStatus) || after.paymentRef !== pi.id) {
    // The sync refunds a payment its booking can no longer take (expired, cancelled, paid with a credit).
    throw new AppError('conflict', `This booking could no longer take the payment (it is ${(after ?? booking).status.replace('_', ' ')}); the payment is refunded.`);
  }
  return { success: true, booking_id: after.id, status: after.status, payment_status: after.paymentStatus };
}

/**
 * Whether the PaymentIntent is this booking's: our payment row says so, or
 * (no row yet) its metadata does. Returns whether we have its row; 409 when it pays for something else.
 */
async function belongsToBooking(pi: StripePaymentIntent, bookingId: string): Promise<boolean> {
  const [row] = await getDb().select({ type: payments.payableType, id: payments.payableId }).from(payments).where(eq(payments.id, pi.id)).limit(1);
  const ours = row ? row.type === 'booking' && row.id === bookingId : pi.metadata?.payable_type === 'booking' && pi.metadata?.payable_id === bookingId;
  if (!ours) {
    throw new AppError('conflict', 'This payment is not for this booking.', { fields: { payment_id: ['The PaymentIntent pays for something else.'] } });
  }
  return row !== undefined;
}

/** A PaymentIntent made for the booking whose row was never written (a crash): write it as starting a payment would. */
async function recordBookingPayment(bookingId: string, pi: StripePaymentIntent): Promise<void> {
  const charge = await payables.booking.charge(bookingId);
  if (!charge || charge.amount.amount !== pi.amount || charge.amount.currency !== pi.currency) {
    throw new AppError('conflict', 'This booking is not awaiting this payment.', { fields: { booking_id: ['The booking is not awaiting payment of this amount.'] } });
  }
  await getDb()
    .insert(payments)
    .values(newPaymentRow(pi.id, charge))
    .onConflictDoNothing();
  await payables.booking.paymentStarted(bookingId, pi.id);
}
