import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { bookingTitle } from '@/components/bookings/labels';
import { PageHeader } from '@/components/page-header';
import { MpesaWaiting } from '@/components/payments/mpesa-waiting';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { findBookingRow, toBookingDto } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { formatMoney } from '@/lib/money';
import { getPaymentFor, type PaymentDto } from '@/lib/payments';

export const metadata: Metadata = { title: 'Check your phone' };
export const dynamic = 'force-dynamic';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

async function paymentOf(id: string, viewer: Parameters<typeof getPaymentFor>[1]): Promise<PaymentDto | null> {
  try {
    return (await getPaymentFor(id, viewer)).payment;
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * "Check your phone": where the client waits for the M-Pesa prompt they were
 * sent, with the hold's countdown for a booking, until the payment is
 * confirmed and the page moves on to the booking's or the purchase's result.
 */
export default async function MpesaWaitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const client = await requirePageRole('client', `/account/payments/${encodeURIComponent(id)}/mpesa`);
  const payment = await paymentOf(id, client);
  if (!payment || payment.payment_provider !== 'mpesa') notFound();

  const { type, id: payableId } = payment.payable;
  let title = 'Class pass';
  let donePath = `/account/credits/purchases/${encodeURIComponent(payableId)}`;
  let back = { href: '/account/credits', label: 'Back to your credits' };
  let hold: { expiresAt: string; serverNow: string } | null = null;
  if (type === 'booking' && isUuid(payableId)) {
    const row = await findBookingRow(payableId, client);
    if (!row) notFound();
    const booking = toBookingDto(row);
    title = bookingTitle(booking);
    donePath = `/account/bookings/${encodeURIComponent(booking.id)}/paid`;
    back = { href: `/account/bookings/${encodeURIComponent(booking.id)}`, label: 'Back to the booking' };
    if (booking.status === 'pending_payment' && booking.hold_expires_at) hold = { expiresAt: booking.hold_expires_at, serverNow: now().toISOString() };
  }
  const amount = formatMoney(payment.amount);

  return (
    <>
      <PageHeader
        title="Check your phone"
        description="Approve the M-Pesa request on your phone to finish paying."
        actions={
          <Link href={back.href} className={linkClass}>
            {back.label}
          </Link>
        }
      />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>{title}</CardTitle>
          <CardDescription>Paying {amount} with M-Pesa</CardDescription>
        </CardHeader>
        <CardContent>
          <MpesaWaiting paymentId={payment.id} maskedPhone={payment.mpesa?.phone ?? null} amountLabel={amount} donePath={donePath} hold={hold} />
        </CardContent>
      </Card>
    </>
  );
}
