import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { bookingTitle } from '@/components/bookings/labels';
import { PageHeader } from '@/components/page-header';
import { PaymentResult } from '@/components/payments/payment-result';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { toBookingDto, findBookingRow } from '@/lib/bookings';

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
  return (
    <>
      <PageHeader title="Payment" description={`${bookingTitle(booking)} with ${booking.provider.name}`} />
      <Card className="max-w-xl">
        <CardContent className="pt-6">
          <PaymentResult bookingId={booking.id} initial={{ status: booking.status, payment_status: booking.payment_status }} />
        </CardContent>
      </Card>
    </>
  );
}
