import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import type { PayoutDto } from '@/lib/earnings';
import { PayoutStatusBadge } from './badges';
import { amountText } from './earning-lines-table';
import { payoutMethodLabel } from './labels';

function payoutColumns(base: string, showProvider: boolean): Column<PayoutDto>[] {
  const columns: Column<PayoutDto>[] = [
    {
      header: 'Payout',
      rowHeader: true,
      className: 'whitespace-nowrap',
      cell: (p) => (
        <Link href={`${base}/${encodeURIComponent(p.id)}`} className={linkClass}>
          <LocalDateTime iso={p.created_at} withYear />
          <span className="sr-only"> statement</span>
        </Link>
      ),
    },
    { header: 'Method', cell: (p) => payoutMethodLabel[p.method] },
    { header: 'Status', cell: (p) => <PayoutStatusBadge status={p.status} /> },
    { header: 'Lines', cell: (p) => p.line_count },
    { header: 'Amount', className: 'whitespace-nowrap font-medium', cell: (p) => amountText(p.amount) },
    { header: 'Reference', className: 'font-mono text-xs break-all', cell: (p) => p.reference ?? p.stripe_transfer_id ?? '—' },
  ];
  if (showProvider) columns.splice(1, 0, { header: 'Practitioner', cell: (p) => p.provider_name });
  return columns;
}

/** Payouts, newest first; each links to its statement under `base`. */
export function PayoutsTable({ payouts, base, showProvider = false }: { payouts: PayoutDto[]; base: string; showProvider?: boolean }) {
  return <DataTable caption="Payouts" columns={payoutColumns(base, showProvider)} rows={payouts} rowKey={(p) => p.id} empty="No payouts yet." rowTestId="payout-row" />;
}
