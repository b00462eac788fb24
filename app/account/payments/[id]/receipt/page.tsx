import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { bookingTitle } from '@/components/bookings/labels';
import { BookingWhen } from '@/components/bookings/booking-facts';
import { DetailList } from '@/components/detail-list';
import { LocalDateTime } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { cardLabel, payableTypeLabel, paymentStatusLabel } from '@/components/payments/labels';
import { loadPaymentOr404 } from '@/components/payments/load-payment';
import { BackLink } from '@/components/record-layout';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { findBookingRow, toBookingDto } from '@/lib/bookings';
import { formatMoney } from '@/lib/money';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Receipt' };

/**
 * The client's receipt for a card payment, in the app: what was bought, from
 * whom, what was paid, by which card and when, and anything refunded.
 */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const client = await requirePageRole('client', `/account/payments/${encodeURIComponent(id)}/receipt`);
  const { payment, refunds } = await loadPaymentOr404(id, client);
  const [practice, row] = await Promise.all([getSetting('practice_name'), payment.payable.type === 'booking' ? findBookingRow(payment.payable.id, client) : Promise.resolve(null)]);
  const booking = row ? toBookingDto(row) : null;
  const m = (amount: number) => formatMoney({ amount, currency: payment.amount.currency });
  const items: [string, ReactNode][] = [
    ['From', `${practice}${payment.provider ? `, for ${payment.provider.name}` : ''}`],
    ['Billed to', payment.client.email ? `${payment.client.name} · ${payment.client.email}` : payment.client.name],
    ['For', booking ? `${bookingTitle(booking)} (${booking.kind === 'class' ? 'group class' : '1:1 session'})` : payableTypeLabel(payment.payable.type)],
  ];
  if (booking) items.push(['Session time', <BookingWhen key="w" startsAt={booking.starts_at} endsAt={booking.ends_at} />]);
  items.push(
    ['Amount paid', <span key="a" data-testid="receipt-amount">{m(payment.amount.amount)}</span>],
    ['Card', cardLabel(payment.card)],
    ['Paid on', payment.succeeded_at ? <LocalDateTime key="p" iso={payment.succeeded_at} withYear /> : paymentStatusLabel[payment.status]],
    ['Status', paymentStatusLabel[payment.status]],
  );
  for (const r of refunds.filter((x) => x.status === 'succeeded')) items.push([`Refund of ${formatMoney(r.amount)}`, <LocalDateTime key={r.id} iso={r.created_at} withYear />]);
  items.push(['Reference', <span key="ref" className="font-mono break-all">{payment.id}</span>]);

  return (
    <>
      <PageHeader
        title="Receipt"
        description={`${m(payment.amount.amount)} paid to ${practice}`}
        actions={<BackLink href={booking ? `/account/bookings/${encodeURIComponent(booking.id)}` : '/account/payments'}>{booking ? 'Back to the booking' : 'All payments'}</BackLink>}
      />
      <Card className="max-w-2xl" data-testid="receipt">
        <CardHeader>
          <CardTitle>{practice}</CardTitle>
        </CardHeader>
        <CardContent>
          <DetailList items={items} />
        </CardContent>
      </Card>
    </>
  );
}
