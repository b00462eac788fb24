import type { BookingDto } from '@/lib/bookings';
import { formatMoney } from '@/lib/money';

const PAID = ['paid', 'partially_refunded', 'credit_used'];

/** What the cancel dialog says the policy gives back, for who is cancelling (PRODUCT.md's cancellation policy). */
export function CancelPolicy({ booking: b, windowHours, actor, at }: { booking: BookingDto; windowHours: number; actor: 'client' | 'provider' | 'admin'; at: Date }) {
  // A credit-paid booking owes nothing by card (amount_due 0) but was paid all the same.
  const paid = b.payment_status === 'credit_used' || (PAID.includes(b.payment_status) && b.amount_due.amount > 0);
  const back = b.payment_status === 'credit_used' ? 'the class credit' : formatMoney(b.amount_due);
  if (actor !== 'client') {
    return (
      <p>
        A cancellation by the {actor === 'admin' ? 'studio' : 'practitioner'} always refunds the client in full.{' '}
        {paid ? `The client will get ${back} back.` : 'Nothing has been paid, so there is nothing to refund.'} The client is told at once.
      </p>
    );
  }
  const inTime = new Date(b.starts_at).getTime() - at.getTime() >= windowHours * 3_600_000;
  return (
    <div className="flex flex-col gap-2">
      <p>
        Cancelling at least {windowHours} hours before the start gives you a full refund; later, nothing is given back.
      </p>
      <p className="font-medium text-foreground">
        {!paid
          ? b.amount_due.amount === 0
            ? 'This booking is free, so there is nothing to refund.'
            : 'Nothing has been paid yet, so there is nothing to refund.'
          : inTime
            ? `You will get ${back} back.`
            : `It starts in less than ${windowHours} hours, so you will get nothing back.`}
      </p>
    </div>
  );
}
