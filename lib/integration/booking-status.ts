import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments, type Booking } from '@/db/schema';
import { creditUsedBy } from '@/lib/credits';
import type { Money } from '@/lib/money';
import { bookingFor, type IntegrationCaller } from './caller';

export interface BookingPaymentStatus {
  booking_id: string;
  status: Booking['status'];
  payment_status: Booking['paymentStatus'];
  payment_type: Booking['paymentType'];
  /** The card payment's PaymentIntent, or null. */
  payment_id: string | null;
  /** What the card payment took, or (none yet) what the booking owes now; 0 for a credit booking. */
  payment_amount: Money;
  refunded_amount: Money | null;
  /** The credit that paid, for a credit booking. */
  credit_id: string | null;
}

/** seed 000's "booking payment status". */
export async function bookingPaymentStatus(caller: IntegrationCaller, bookingId: string): Promise<BookingPaymentStatus> {
  const booking = await bookingFor(caller, bookingId);
  const [payment] = await getDb()
    .select({ id: payments.id, amount: payments.amount, currency: payments.currency, status: payments.status, refunded: payments.refundedAmount })
    .from(payments)
    .where(and(eq(payments.payableType, 'booking'), eq(payments.payableId, booking.id)))
    .limit(1);
  const credit = booking.paymentType === 'credit' ? await creditUsedBy(getDb(), booking.rescheduledFromId ? [booking.id, booking.rescheduledFromId] : [booking.id]) : null;
  const took = payment && ['succeeded', 'refunded', 'partially_refunded'].includes(payment.status);
  return {
    booking_id: booking.id,
    status: booking.status,
    payment_status: booking.paymentStatus,
    payment_type: booking.paymentType,
    payment_id: booking.paymentType === 'credit' && !took ? null : (payment?.id ?? null),
    payment_amount: took ? { amount: payment.amount, currency: payment.currency } : { amount: booking.amountDue, currency: booking.currency },
    refunded_amount: took ? { amount: payment.refunded, currency: payment.currency } : null,
    credit_id: credit?.creditId ?? null,
  };
}
