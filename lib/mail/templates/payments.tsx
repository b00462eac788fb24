import { Link } from '@react-email/components';
import { links } from '../links';
import { P, styles } from './layout';
import { amount, at, BookingDetails, BookingMessage, NoticeMessage } from './parts';
import type { TemplateProps, TemplateTable } from './types';

export function PaymentReceipt({ data, ctx }: TemplateProps<'payment_receipt'>) {
  const { booking } = data;
  const card = data.card_last4 ? `${data.card_brand ? capitalise(data.card_brand) : 'Card'} ending ${data.card_last4}` : null;
  const action = booking ? { href: links.booking(ctx, booking.booking_id), label: 'View booking' } : { href: links.credits(ctx), label: 'Your credits' };
  return (
    <NoticeMessage
      ctx={ctx}
      heading="Payment received"
      lines={[`Thank you: we received ${amount(data.amount)} for ${data.description}.`]}
      rows={[
        ['For', data.description],
        ['Amount', amount(data.amount)],
        card ? ['Paid with', card] : null,
        ['Paid on', at(data.paid_at, booking?.client_zone)],
        data.receipt_url
          ? [
              'Receipt',
              <Link key="receipt" href={data.receipt_url} style={styles.link}>
                {data.receipt_url}
              </Link>,
            ]
          : null,
      ]}
      action={action}
    >
      {booking ? <BookingDetails booking={booking} /> : null}
    </NoticeMessage>
  );
}

export function PaymentFailed({ data: { booking, amount: due, reason, hold_expires_at }, ctx }: TemplateProps<'payment_failed'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="Your payment did not go through" unpaid action={{ href: links.pay(ctx, booking.booking_id), label: 'Try again' }}>
      <P>
        We could not take {amount(due)} for {booking.title}
        {reason ? `: ${reason}` : '.'}
      </P>
      <P>
        {hold_expires_at
          ? `Your place is held until ${at(hold_expires_at, booking.client_zone)}; pay before then to keep it.`
          : 'Try again to keep your place.'}
      </P>
    </BookingMessage>
  );
}

export function RefundIssued({ data: { description, amount: refunded, to, booking }, ctx }: TemplateProps<'refund_issued'>) {
  const line =
    to === 'card'
      ? `${amount(refunded)} for ${description} is on its way back to your card. It can take 5 to 10 days to show on your statement.`
      : to === 'mpesa'
        ? `${amount(refunded)} for ${description} is going back to your M-Pesa account; M-Pesa will send you a message when it arrives.`
        : `Your class credit for ${description} is back in your account.`;
  const action = booking && to !== 'credit' ? { href: links.booking(ctx, booking.booking_id), label: 'View booking' } : { href: links.credits(ctx), label: 'Your credits' };
  return (
    <NoticeMessage ctx={ctx} heading="Refund issued" lines={[line]} action={action}>
      {booking ? <BookingDetails booking={booking} /> : null}
    </NoticeMessage>
  );
}

export function PayoutSent({ data, ctx }: TemplateProps<'payout_sent'>) {
  const sessions = `${data.line_count} ${data.line_count === 1 ? 'booking' : 'bookings'}`;
  const line =
    data.method === 'stripe'
      ? `${amount(data.amount)} for ${sessions} is on its way to your Stripe account.`
      : `${amount(data.amount)} for ${sessions} has been paid to you.`;
  return (
    <NoticeMessage
      ctx={ctx}
      heading="Payout sent"
      lines={[line]}
      rows={[['Amount', amount(data.amount)], ['Bookings', String(data.line_count)], data.reference ? ['Reference', data.reference] : null]}
      action={{ href: links.payout(ctx, data.payout_id), label: 'View statement' }}
    />
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export const paymentTemplates: TemplateTable<'payment_receipt' | 'payment_failed' | 'refund_issued' | 'payout_sent'> = {
  payment_receipt: { subject: (d) => `Receipt: ${d.description}, ${amount(d.amount)}`, Component: PaymentReceipt },
  payment_failed: { subject: (d) => `Payment failed: ${d.booking.title}, ${amount(d.amount)}`, Component: PaymentFailed },
  refund_issued: {
    subject: (d) => (d.to !== 'credit' ? `Refund: ${amount(d.amount)} for ${d.description}` : `Credit returned: ${d.description}`),
    Component: RefundIssued,
  },
  payout_sent: { subject: (d) => `Payout sent: ${amount(d.amount)}`, Component: PayoutSent },
};
