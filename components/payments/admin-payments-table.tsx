import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { formatMoney } from '@/lib/money';
import type { PaymentDto } from '@/lib/payments';
import { cell, EmptyTable, headRow, linkClass, tableFrame } from './empty-table';
import { cardLabel } from './labels';
import { PaymentStatusBadge } from './status-badge';

export function AdminPaymentsTable({ payments }: { payments: PaymentDto[] }) {
  if (payments.length === 0) return <EmptyTable>No payments match</EmptyTable>;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Payments</caption>
        <thead className={headRow}>
          <tr>
            {['Created', 'Payment', 'Client', 'Practitioner', 'Status', 'Amount', 'Fee', 'Refunded', 'Card'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {payments.map((p) => (
            <tr key={p.id}>
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={p.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                <Link href={`/admin/payments/${encodeURIComponent(p.id)}`} className={`${linkClass} font-mono text-xs break-all`}>
                  {p.id}
                </Link>
              </th>
              <td className={cell}>
                {p.client.name}
                <span className="block break-all text-xs text-muted-foreground">{p.client.email}</span>
              </td>
              <td className={cell}>{p.provider?.name ?? '—'}</td>
              <td className={cell}>
                <PaymentStatusBadge status={p.status} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{formatMoney(p.amount)}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatMoney({ amount: p.platform_fee.amount, currency: p.amount.currency })}</td>
              <td className={`${cell} whitespace-nowrap`}>{p.refunded_amount > 0 ? formatMoney({ amount: p.refunded_amount, currency: p.amount.currency }) : '—'}</td>
              <td className={`${cell} whitespace-nowrap`}>{cardLabel(p.card)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
