import { formatMoney } from '@/lib/money';
import type { PaymentDto } from '@/lib/payments';

/** What a payment charged, with how much of it was refunded under it. */
export function AmountWithRefund({ payment }: { payment: Pick<PaymentDto, 'amount' | 'refunded_amount'> }) {
  return (
    <>
      {formatMoney(payment.amount)}
      {payment.refunded_amount > 0 ? (
        <span className="block text-xs text-muted-foreground">{formatMoney({ amount: payment.refunded_amount, currency: payment.amount.currency })} refunded</span>
      ) : null}
    </>
  );
}
