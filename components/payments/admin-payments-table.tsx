import Link from 'next/link';
import { DataTable, NameWithEmail, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { formatMoney } from '@/lib/money';
import type { PaymentDto } from '@/lib/payments';
import { linkClass } from './empty-table';
import { paidWithLabel } from './labels';
import { RefundOwedBadge } from './refund-owed';
import { PaymentStatusBadge } from './status-badge';

const nowrap = 'whitespace-nowrap';

const columns: readonly Column<PaymentDto>[] = [
  { header: 'Created', className: nowrap, cell: (p) => <LocalDateTime iso={p.created_at} withYear /> },
  {
    header: 'Payment',
    rowHeader: true,
    cell: (p) => (
      <Link href={`/admin/payments/${encodeURIComponent(p.id)}`} className={`${linkClass} font-mono text-xs break-all`}>
        {p.id}
      </Link>
    ),
  },
  { header: 'Client', cell: (p) => <NameWithEmail person={p.client} /> },
  { header: 'Practitioner', cell: (p) => p.provider?.name ?? '—' },
  {
    header: 'Status',
    cell: (p) => (
      <span className="flex flex-wrap gap-1">
        <PaymentStatusBadge status={p.status} />
        {p.refund_owed ? <RefundOwedBadge /> : null}
      </span>
    ),
  },
  { header: 'Amount', className: nowrap, cell: (p) => formatMoney(p.amount) },
  { header: 'Fee', className: nowrap, cell: (p) => formatMoney({ amount: p.platform_fee.amount, currency: p.amount.currency }) },
  { header: 'Refunded', className: nowrap, cell: (p) => (p.refunded_amount > 0 ? formatMoney({ amount: p.refunded_amount, currency: p.amount.currency }) : '—') },
  { header: 'Paid with', className: nowrap, cell: (p) => paidWithLabel(p) },
];

export function AdminPaymentsTable({ payments }: { payments: PaymentDto[] }) {
  return <DataTable caption="Payments" columns={columns} rows={payments} rowKey={(p) => p.id} empty="No payments match" />;
}
