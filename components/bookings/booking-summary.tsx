import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocalDateTime } from '@/components/local-date';
import type { BookingDto } from '@/lib/bookings';
import { formatBps, formatMoney } from '@/lib/money';
import { BookingPlace, BookingWhen, PaidLine, type BookingPayment } from './booking-facts';
import { bookingTitle, paymentLabel, refundSentence } from './labels';
import { BookingStatusBadge } from './status-badge';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

const SETTLED = ['paid', 'partially_refunded', 'refunded', 'credit_used'];

/** "£15.00", with what a deposit leaves to settle. */
function amountText(b: BookingDto): string {
  const deposit = b.amount_due.amount > 0 && b.amount_due.amount < b.price.amount;
  return `${formatMoney(b.amount_due)}${deposit ? ' (deposit; the rest is settled with the practitioner)' : ''}`;
}

/**
 * What was paid and what is due, never confused: a paid booking says what was
 * paid and how (`payment`, with the receipt), one awaiting payment what is due,
 * an ended one that nothing was paid.
 */
function PaymentRows({ booking: b, payment }: { booking: BookingDto; payment?: BookingPayment | null }) {
  if (payment) {
    return (
      <Row label="Paid">
        <PaidLine payment={payment} />
      </Row>
    );
  }
  if (b.status === 'pending_payment') {
    return (
      <>
        <Row label="Payment">{paymentLabel(b)}</Row>
        <Row label="Amount due">
          <span data-testid="amount-due">{amountText(b)}</span>
        </Row>
      </>
    );
  }
  if (SETTLED.includes(b.payment_status)) {
    return (
      <Row label="Payment">
        {paymentLabel(b)}
        {b.amount_due.amount > 0 ? `: ${amountText(b)}` : ''}
      </Row>
    );
  }
  return <Row label="Payment">{b.amount_due.amount === 0 ? 'Free' : 'Nothing was paid'}</Row>;
}

/**
 * Every field of a booking, for its detail pages. `basePath` is where the
 * related bookings (rescheduled from / to) are opened; `payment` is how it
 * was paid, for the client's own pages.
 */
export function BookingSummary({
  booking: b,
  windowHours,
  audience,
  basePath,
  payment,
}: {
  booking: BookingDto;
  windowHours: number;
  audience: 'client' | 'staff';
  basePath: string;
  payment?: BookingPayment | null;
}) {
  const refund = refundSentence(b, windowHours, audience);
  return (
    <dl className="divide-y divide-border" data-testid="booking-summary">
      <Row label="What">
        {bookingTitle(b)} <span className="text-muted-foreground">({b.kind === 'class' ? 'group class' : '1:1 session'})</span>
      </Row>
      <Row label="With">{b.provider.name}</Row>
      {audience === 'staff' ? (
        <Row label="Client">
          {b.client.name} <span className="break-all text-muted-foreground">({b.client.email})</span>
        </Row>
      ) : null}
      <Row label="When">
        <BookingWhen startsAt={b.starts_at} endsAt={b.ends_at} />
      </Row>
      <Row label="Where">
        <BookingPlace booking={b} />
      </Row>
      <Row label="Status">
        <BookingStatusBadge booking={b} />
      </Row>
      <Row label="Price">{formatMoney(b.price)}</Row>
      <PaymentRows booking={b} payment={payment} />
      {audience === 'staff' && b.amount_due.amount > 0 ? (
        <Row label="Platform fee">
          {formatMoney(b.platform_fee)} ({formatBps(b.platform_fee.bps)})
        </Row>
      ) : null}
      <Row label="Booked">
        <LocalDateTime iso={b.created_at} withYear />
      </Row>
      {b.actual_start_at ? (
        <Row label="Started">
          <LocalDateTime iso={b.actual_start_at} withYear />
        </Row>
      ) : null}
      {b.actual_end_at ? (
        <Row label="Completed">
          <LocalDateTime iso={b.actual_end_at} withYear />
        </Row>
      ) : null}
      {b.cancelled_at ? (
        <Row label="Cancelled">
          <LocalDateTime iso={b.cancelled_at} withYear />
          {b.cancel_reason ? <span className="block text-sm text-muted-foreground">Reason: {b.cancel_reason}</span> : null}
        </Row>
      ) : null}
      {refund ? (
        <Row label="Refund">
          <span data-testid="refund-due">{refund}</span>
        </Row>
      ) : null}
      {b.rescheduled_from_id ? (
        <Row label="Rescheduled from">
          <Link href={`${basePath}/${b.rescheduled_from_id}`} className="text-primary underline-offset-4 hover:underline">
            The original booking
          </Link>
        </Row>
      ) : null}
      {b.rescheduled_to_id ? (
        <Row label="Rescheduled to">
          <Link href={`${basePath}/${b.rescheduled_to_id}`} className="text-primary underline-offset-4 hover:underline">
            The new booking
          </Link>
        </Row>
      ) : null}
    </dl>
  );
}
