import type { BookingDto } from '@/lib/bookings';
import { formatMoney } from '@/lib/money';

export const bookingStatusLabel: Record<BookingDto['status'], string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  no_show: 'No-show',
};

export const bookingStatuses = Object.keys(bookingStatusLabel) as BookingDto['status'][];

const paymentStatusLabel: Record<BookingDto['payment_status'], string> = {
  unpaid: 'Unpaid',
  pending: 'Payment pending',
  paid: 'Paid',
  failed: 'Payment failed',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
  credit_used: 'Paid with a credit',
};

/** A free booking has nothing to pay; saying "Unpaid" would alarm. */
export function paymentLabel(b: Pick<BookingDto, 'payment_status' | 'amount_due'>): string {
  if (b.payment_status === 'unpaid' && b.amount_due.amount === 0) return 'Free';
  return paymentStatusLabel[b.payment_status];
}

/** What the booking is: the class title or the session type's name. */
export function bookingTitle(b: Pick<BookingDto, 'class' | 'session_type'>): string {
  return b.class?.title ?? b.session_type?.name ?? 'Booking';
}

const PAID = ['paid', 'partially_refunded', 'refunded', 'credit_used'];

/**
 * What a cancellation gives back, in plain words (PRODUCT.md's policy): the
 * client's own words ("You will get £12.00 back") or the staff's ("The client will get…").
 */
export function refundSentence(b: BookingDto, windowHours: number, audience: 'client' | 'staff'): string | null {
  if (b.status !== 'cancelled') return null;
  if (b.rescheduled_to_id) return 'Moved to another booking; the payment went with it.';
  const who = audience === 'client' ? 'You' : 'The client';
  // Checked first: a credit-paid booking owes nothing by card (amount_due 0) but was paid with a use.
  if (b.payment_type === 'credit' && b.payment_status === 'credit_used') {
    return b.refund_due === 'full' ? `${audience === 'client' ? 'You get' : 'The client gets'} the class back on the credit.` : `No class back: cancelled less than ${windowHours} hours before the start.`;
  }
  if (!PAID.includes(b.payment_status) || b.amount_due.amount === 0) return 'Nothing was paid, so there is nothing to refund.';
  if (b.refund_due === 'full') {
    if (b.payment_status === 'refunded') return `Refunded: ${formatMoney(b.amount_due)} went back to the card.`;
    return `${who} will get ${formatMoney(b.amount_due)} back.`;
  }
  return `No refund: cancelled less than ${windowHours} hours before the start.`;
}
