import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import type { PaymentDto } from '@/lib/payments';
import { AmountWithRefund } from './amount-with-refund';
import { linkClass } from './empty-table';
import { paidWithLabel, payableTypeLabel } from './labels';
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

const columns: readonly Column<PaymentDto>[] = [
  { header: 'Date', className: 'whitespace-nowrap', cell: (p) => <LocalDateTime iso={p.succeeded_at ?? p.created_at} withYear /> },
  {
    header: 'For',
    rowHeader: true,
    cell: (p) => (
      <>
        <WhatFor payment={p} />
        {p.failure?.message ? <span className="block text-xs font-normal text-destructive">{p.failure.message}</span> : null}
      </>
    ),
  },
  { header: 'Amount', className: 'whitespace-nowrap', cell: (p) => <AmountWithRefund payment={p} /> },
  { header: 'Status', cell: (p) => <PaymentStatusBadge status={p.status} /> },
  { header: 'Paid with', className: 'whitespace-nowrap', cell: (p) => paidWithLabel(p) },
  {
    header: 'Receipt',
    cell: (p) =>
      p.succeeded_at ? (
        <Link href={`/account/payments/${encodeURIComponent(p.id)}/receipt`} className={linkClass}>
          Receipt
        </Link>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
];

/** A client's card payments, each with what it paid for and its receipt. */
export function ClientPaymentsTable({ payments }: { payments: PaymentDto[] }) {
  return <DataTable caption="Your payments" columns={columns} rows={payments} rowKey={(p) => p.id} rowTestId="payment-row" />;
}
