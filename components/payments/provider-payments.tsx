import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { StatCards } from '@/components/stat-cards';
import { formatBps, formatMoney } from '@/lib/money';
import type { PaymentDto, PaymentTotals } from '@/lib/payments';
import { cell, headRow, linkClass, tableFrame } from './empty-table';
import type { PayableName } from '@/lib/flows';
import { PaymentFor } from './for-label';
import { PaymentStatusBadge } from './status-badge';

/** Paid in, refunded and the provider's net share, one row of cards per currency. */
export function ProviderPaymentTotals({ totals }: { totals: PaymentTotals[] }) {
  const rows: PaymentTotals[] = totals.length > 0 ? totals : [{ currency: 'gbp', paid_in: 0, refunded: 0, net_share: 0 }];
  return (
    <div className="flex flex-col gap-4">
      {rows.map((t) => (
        <StatCards
          key={t.currency}
          stats={[
            { label: 'Paid in', value: t.paid_in, note: 'Charged to clients’ cards' },
            { label: 'Refunded', value: t.refunded, note: 'Given back to clients' },
            { label: 'Your net share', value: t.net_share, note: 'After the platform fee and refunds' },
          ].map((item) => ({ ...item, value: formatMoney({ amount: item.value, currency: t.currency }, { zero: 'amount' }) }))}
        />
      ))}
    </div>
  );
}

/** Payments received: amount, the platform's fee, the provider's share. */
export function ProviderPaymentsTable({ payments, names }: { payments: PaymentDto[]; /** What each payment was for, by payment id. */ names: Readonly<Record<string, PayableName>> }) {
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Payments received</caption>
        <thead className={headRow}>
          <tr>
            {['Date', 'Client', 'For', 'Amount', 'Platform fee', 'Your share', 'Status'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {payments.map((p) => {
            const currency = p.amount.currency;
            return (
              <tr key={p.id} data-testid="payment-row">
                <td className={`${cell} whitespace-nowrap`}>
                  <LocalDateTime iso={p.succeeded_at ?? p.created_at} withYear />
                </td>
                <th scope="row" className={`${cell} font-medium`}>
                  {p.client.name}
                </th>
                <td className={cell}>
                  <Link href={`/provider/payments/${p.id}`} className={linkClass}>
                    <PaymentFor name={names[p.id]} type={p.payable.type} />
                    <span className="sr-only">: payment details</span>
                  </Link>
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {formatMoney(p.amount)}
                  {p.refunded_amount > 0 ? <span className="block text-xs text-muted-foreground">{formatMoney({ amount: p.refunded_amount, currency })} refunded</span> : null}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {formatMoney({ amount: p.platform_fee.amount, currency })}
                  <span className="block text-xs text-muted-foreground">{formatBps(p.platform_fee.bps)}</span>
                </td>
                <td className={`${cell} whitespace-nowrap font-medium`}>{formatMoney({ amount: p.provider_amount, currency })}</td>
                <td className={cell}>
                  <PaymentStatusBadge status={p.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
