import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { formatMoney } from '@/lib/money';
import type { PaymentDto } from '@/lib/payments';
import { cell, headRow, linkClass, tableFrame } from './empty-table';
import { cardLabel, payableTypeLabel } from './labels';
import { PaymentStatusBadge } from './status-badge';

function WhatFor({ payment }: { payment: PaymentDto }) {
  const label = `${payableTypeLabel(payment.payable.type)}${payment.provider ? ` with ${payment.provider.name}` : ''}`;
  if (payment.payable.type !== 'booking') return <>{label}</>;
  return (
    <Link href={`/account/bookings/${payment.payable.id}`} className={linkClass}>
      {label}
    </Link>
  );
}

/** A client's card payments, each with what it paid for and its receipt. */
export function ClientPaymentsTable({ payments }: { payments: PaymentDto[] }) {
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your payments</caption>
        <thead className={headRow}>
          <tr>
            {['Date', 'For', 'Amount', 'Status', 'Card', 'Receipt'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {payments.map((p) => (
            <tr key={p.id} data-testid="payment-row">
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={p.succeeded_at ?? p.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                <WhatFor payment={p} />
                {p.failure?.message ? <span className="block text-xs font-normal text-destructive">{p.failure.message}</span> : null}
              </th>
              <td className={`${cell} whitespace-nowrap`}>
                {formatMoney(p.amount)}
                {p.refunded_amount > 0 ? (
                  <span className="block text-xs text-muted-foreground">{formatMoney({ amount: p.refunded_amount, currency: p.amount.currency })} refunded</span>
                ) : null}
              </td>
              <td className={cell}>
                <PaymentStatusBadge status={p.status} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{cardLabel(p.card)}</td>
              <td className={cell}>
                {p.succeeded_at ? (
                  <Link href={`/account/payments/${encodeURIComponent(p.id)}/receipt`} className={linkClass}>
                    Receipt
                  </Link>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
