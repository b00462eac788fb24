import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { formatMoney } from '@/lib/money';
import type { LedgerEntryDto, PaymentRefundDto as RefundDto } from '@/lib/payments';

const ledgerTypeLabel: Record<LedgerEntryDto['type'], string> = { single: 'Charge', purchase: 'Package purchase', refund: 'Refund' };

// Ledger amounts are signed (refunds negative); "Free" would misread a zero fee.
function signed(amount: number, currency: string): string {
  if (amount === 0) return '0';
  const text = formatMoney({ amount: Math.abs(amount), currency });
  return amount < 0 ? `−${text}` : text;
}

const nowrap = 'whitespace-nowrap';

const ledgerColumns: readonly Column<LedgerEntryDto>[] = [
  { header: 'When', className: nowrap, cell: (e) => <LocalDateTime iso={e.created_at} withYear /> },
  { header: 'Entry', rowHeader: true, cell: (e) => ledgerTypeLabel[e.type] },
  { header: 'Stripe object', className: 'font-mono text-xs break-all', cell: (e) => e.stripe_object_id },
  { header: 'Gross', className: nowrap, cell: (e) => signed(e.gross, e.currency) },
  { header: 'Platform fee', className: nowrap, cell: (e) => signed(e.fee, e.currency) },
  { header: 'Practitioner', className: nowrap, cell: (e) => signed(e.net, e.currency) },
];

export function LedgerTable({ entries }: { entries: LedgerEntryDto[] }) {
  return <DataTable caption="Ledger entries" columns={ledgerColumns} rows={entries} rowKey={(e) => e.id} empty="No money has moved yet." />;
}

const refundColumns: readonly Column<RefundDto>[] = [
  { header: 'Requested', className: nowrap, cell: (r) => <LocalDateTime iso={r.created_at} withYear /> },
  { header: 'Refund', rowHeader: true, className: 'font-mono text-xs font-normal break-all', cell: (r) => r.id },
  { header: 'Amount', className: nowrap, cell: (r) => formatMoney(r.amount) },
  { header: 'Status', cell: (r) => r.status },
  { header: 'Reason', cell: (r) => r.reason || '—' },
];

export function RefundsTable({ refunds }: { refunds: RefundDto[] }) {
  return <DataTable caption="Refunds" columns={refundColumns} rows={refunds} rowKey={(r) => r.id} empty="No refunds." rowTestId="refund-row" />;
}
