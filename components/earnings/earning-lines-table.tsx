import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import type { EarningLineDto } from '@/lib/earnings';
import { formatMoney, type Money } from '@/lib/money';
import { EarningStateBadge } from './badges';

/** An amount as the statement shows it: zero is "£0.00", never "Free"; a clawback is negative. */
export function amountText(m: Money): string {
  return formatMoney(m, { zero: 'amount' });
}

function lineColumns(payoutBase: string | null): Column<EarningLineDto>[] {
  const columns: Column<EarningLineDto>[] = [
    { header: 'Date', className: 'whitespace-nowrap', cell: (l) => <LocalDateTime iso={l.created_at} withYear /> },
    {
      header: 'For',
      rowHeader: true,
      cell: (l) => (
        <>
          {l.description}
          {l.client_name ? <span className="block text-xs font-normal text-muted-foreground">{l.client_name}</span> : null}
          {l.session_starts_at ? (
            <span className="block text-xs font-normal text-muted-foreground">
              Session <LocalDateTime iso={l.session_starts_at} />
            </span>
          ) : null}
          {l.complimentary ? <span className="block text-xs font-normal text-muted-foreground">Complimentary credit: earns nothing</span> : null}
        </>
      ),
    },
    { header: 'State', cell: (l) => <EarningStateBadge state={l.state} /> },
    { header: 'Gross', className: 'whitespace-nowrap', cell: (l) => amountText(l.gross) },
    { header: 'Platform fee', className: 'whitespace-nowrap', cell: (l) => amountText(l.fee) },
    { header: 'Net', className: 'whitespace-nowrap font-medium', cell: (l) => amountText(l.net) },
  ];
  if (payoutBase) {
    columns.push({
      header: 'Payout',
      cell: (l) =>
        l.payout_id ? (
          <Link href={`${payoutBase}/${l.payout_id}`} className={linkClass}>
            Statement<span className="sr-only"> of the payout with this line</span>
          </Link>
        ) : (
          '—'
        ),
    });
  }
  return columns;
}

/** Earning lines (and clawbacks): what each is for, its state and gross, fee and net. */
export function EarningLinesTable({
  lines,
  caption = 'Earning lines',
  empty = 'No earnings match.',
  payoutBase = null,
}: {
  lines: EarningLineDto[];
  caption?: string;
  empty?: string;
  /** Where payout statements are (`/provider/payouts`), when the table links each line to its payout. */
  payoutBase?: string | null;
}) {
  return <DataTable caption={caption} columns={lineColumns(payoutBase)} rows={lines} rowKey={(l) => l.id} empty={empty} rowTestId="earning-line" />;
}
