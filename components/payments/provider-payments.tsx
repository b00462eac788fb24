import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { StatCards } from '@/components/stat-cards';
import { formatBps, formatMoney } from '@/lib/money';
import type { PaymentDto, PaymentTotals } from '@/lib/payments';
import { AmountWithRefund } from './amount-with-refund';
import { linkClass } from './empty-table';
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

function paymentColumns(names: Readonly<Record<string, PayableName>>): readonly Column<PaymentDto>[] {
  return [
  { header: 'Date', className: 'whitespace-nowrap', cell: (p) => <LocalDateTime iso={p.succeeded_at ?? p.created_at} withYear /> },
  { header: 'Client', rowHeader: true, cell: (p) => p.client.name },
  {
    header: 'For',
    cell: (p) => (
      <Link href={`/provider/payments/${p.id}`} className={linkClass}>
        <PaymentFor name={names[p.id]} type={p.payable.type} />
        <span className="sr-only">: payment details</span>
      </Link>
    ),
  },
  { header: 'Amount', className: 'whitespace-nowrap', cell: (p) => <AmountWithRefund payment={p} /> },
  {
    header: 'Platform fee',
    className: 'whitespace-nowrap',
    cell: (p) => (
      <>
        {formatMoney({ amount: p.platform_fee.amount, currency: p.amount.currency })}
        <span className="block text-xs text-muted-foreground">{formatBps(p.platform_fee.bps)}</span>
      </>
    ),
  },
  { header: 'Your share', className: 'whitespace-nowrap font-medium', cell: (p) => formatMoney({ amount: p.provider_amount, currency: p.amount.currency }) },
  { header: 'Status', cell: (p) => <PaymentStatusBadge status={p.status} /> },
  ];
}

/** Payments received: amount, the platform's fee, the provider's share. */
export function ProviderPaymentsTable({ payments, names }: { payments: PaymentDto[]; /** What each payment was for, by payment id. */ names: Readonly<Record<string, PayableName>> }) {
  return <DataTable caption="Payments received" columns={paymentColumns(names)} rows={payments} rowKey={(p) => p.id} rowTestId="payment-row" />;
}
