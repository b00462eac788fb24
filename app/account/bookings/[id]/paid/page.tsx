import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BookingConfirmation } from '@/components/bookings/booking-confirmation';
import { receiptPath } from '@/components/bookings/booking-facts';
import { bookingTitle } from '@/components/bookings/labels';
import { bookingPayment, deadlineView } from '@/components/bookings/load-booking-view';
import { PageHeader } from '@/components/page-header';
import { PaymentResult } from '@/components/payments/payment-result';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { toBookingDto, findBookingRow } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Payment' };

/**
 * Where the checkout (and Stripe's redirect, when a payment method needs one)
 * lands. The query string (payment_intent, redirect_status) is not proof of
 * anything: the page shows the booking as the webhook leaves it.
 */
export default async function PaidPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const client = await requirePageRole('client', `/account/bookings/${encodeURIComponent(id)}/paid`);
  const row = await findBookingRow(id, client);
  if (!row) notFound();
  const booking = toBookingDto(row);
  const [payment, windowHours] = await Promise.all([bookingPayment(booking, client), getSetting('cancellation_window_hours')]);
  // Shown once the webhook has confirmed the payment, which may be after this render: the amount is the one charged.
  const paid = payment ?? { kind: 'card', amount: booking.amount_due, refunded: 0, paidAt: null, card: null, receiptHref: receiptPath(booking.id) };
  return (
    <>
      <PageHeader title="Payment" description={`${bookingTitle(booking)} with ${booking.provider.name}`} />
      <div className="flex max-w-3xl flex-col gap-6">
        <Card>
          <CardContent className="pt-6">
            <PaymentResult
              bookingId={booking.id}
              initial={{ status: booking.status, payment_status: booking.payment_status }}
              confirmation={<BookingConfirmation booking={booking} payment={paid} deadline={deadlineView(booking.starts_at, windowHours, now())} />}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
