import Link from 'next/link';
import { DataTable, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import type { CreditEntryDto } from '@/lib/credits';
import { actorLabel, entryKindLabel, signedDelta } from './labels';

function ledgerColumns(bookingPath: string, showActor: boolean): Column<CreditEntryDto>[] {
  return [
    { header: 'When', className: 'whitespace-nowrap', cell: (e) => <LocalDateTime iso={e.created_at} withYear /> },
    { header: 'What', rowHeader: true, cell: (e) => entryKindLabel[e.kind] },
    {
      header: 'Uses',
      testId: 'credit-entry-delta',
      className: (e) => `whitespace-nowrap font-medium tabular-nums ${e.delta < 0 ? 'text-destructive' : 'text-primary'}`,
      cell: (e) => signedDelta(e.delta),
    },
    { header: 'Reason', testId: 'credit-entry-reason', className: 'min-w-40', cell: (e) => e.reason },
    ...(showActor ? [{ header: 'Who', cell: (e: CreditEntryDto) => actorLabel(e.actor) }] : []),
    {
      header: 'Booking',
      className: 'whitespace-nowrap',
      cell: (e) =>
        e.booking_id ? (
          <Link href={`${bookingPath}/${e.booking_id}`} className={linkClass}>
            View booking
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
  ];
}

/**
 * One credit's ledger, newest first: every change of its uses with its sign
 * and reason. `bookingPath` opens the booking of a use or return (the
 * client's or the admin's page); `showActor` adds who made each change.
 */
export function CreditLedger({ entries, bookingPath, showActor = false, caption }: { entries: CreditEntryDto[]; bookingPath: string; showActor?: boolean; caption: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No changes recorded yet.</p>;
  return (
    <DataTable
      caption={caption}
      columns={ledgerColumns(bookingPath, showActor)}
      rows={entries}
      rowKey={(e) => e.id}
      rowTestId="credit-entry"
      testId="credit-ledger"
    />
  );
}
