import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { cell, headRow, linkClass, tableFrame } from '@/components/payments/empty-table';
import type { CreditEntryDto } from '@/lib/credits';
import { actorLabel, entryKindLabel, signedDelta } from './labels';

/**
 * One credit's ledger, newest first: every change of its uses with its sign
 * and reason. `bookingPath` opens the booking of a use or return (the
 * client's or the admin's page); `showActor` adds who made each change.
 */
export function CreditLedger({ entries, bookingPath, showActor = false, caption }: { entries: CreditEntryDto[]; bookingPath: string; showActor?: boolean; caption: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No changes recorded yet.</p>;
  const heads = ['When', 'What', 'Uses', 'Reason', ...(showActor ? ['Who'] : []), 'Booking'];
  return (
    // Scrolls sideways on a narrow screen: focusable so the keyboard can scroll it too.
    <div className={tableFrame} tabIndex={0} role="region" aria-label="Credit history">
      <table className="w-full text-left text-sm" data-testid="credit-ledger">
        <caption className="sr-only">{caption}</caption>
        <thead className={headRow}>
          <tr>
            {heads.map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((e) => (
            <tr key={e.id} data-testid="credit-entry">
              <td className={`${cell} whitespace-nowrap`}>
                <LocalDateTime iso={e.created_at} withYear />
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                {entryKindLabel[e.kind]}
              </th>
              <td className={`${cell} whitespace-nowrap font-medium tabular-nums ${e.delta < 0 ? 'text-destructive' : 'text-primary'}`} data-testid="credit-entry-delta">
                {signedDelta(e.delta)}
              </td>
              <td className={cell} data-testid="credit-entry-reason">
                {e.reason}
              </td>
              {showActor ? <td className={`${cell} whitespace-nowrap`}>{actorLabel(e.actor)}</td> : null}
              <td className={`${cell} whitespace-nowrap`}>
                {e.booking_id ? (
                  <Link href={`${bookingPath}/${e.booking_id}`} className={linkClass}>
                    View booking
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
