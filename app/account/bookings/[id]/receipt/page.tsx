import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { requirePageRole } from '@/lib/auth';
import { findBookingRow, toBookingDto } from '@/lib/bookings';
import { settledPaymentOf } from '@/lib/payments';

export const metadata: Metadata = { title: 'Receipt' };

/** A booking's receipt, by the booking: opens its card payment's receipt once the payment has gone through. */
export default async function BookingReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const bookingPath = `/account/bookings/${encodeURIComponent(id)}`;
  const client = await requirePageRole('client', `${bookingPath}/receipt`);
  const row = await findBookingRow(id, client);
  if (!row) notFound();
  const booking = toBookingDto(row);
  const payment = await settledPaymentOf(client, { type: booking.payable.type, ids: [booking.id, booking.rescheduled_from_id ?? ''] });
  if (payment) redirect(`/account/payments/${encodeURIComponent(payment.id)}/receipt`);
  return (
    <>
      <PageHeader title="Receipt" />
      <Alert className="mb-4">No card payment has gone through for this booking yet, so there is no receipt.</Alert>
      <Link href={bookingPath} className="font-medium text-primary underline-offset-4 hover:underline">
        Back to the booking
      </Link>
    </>
  );
}
