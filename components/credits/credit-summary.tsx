import type { ReactNode } from 'react';
import { LocalDate } from '@/components/local-date';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { CreditDto, CreditEntryDto } from '@/lib/credits';
import { formatMoney } from '@/lib/money';
import { CreditLedger } from './credit-ledger';
import { CreditStateBadge } from './credit-state-badge';
import { sourceLabel } from './labels';

/**
 * One credit: what it is, uses left of the total, expiry, what was paid and
 * its ledger. `children` is where an admin's forms go.
 */
export function CreditSummary({ credit: c, entries, bookingPath, showActor, children }: { credit: CreditDto; entries: CreditEntryDto[]; bookingPath: string; showActor?: boolean; children?: ReactNode }) {
  const expiredWord = c.state === 'expired' ? 'Expired' : 'Expires';
  return (
    <Card data-testid="credit" data-credit-id={c.id}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <CardTitle>{c.package_name}</CardTitle>
          <CreditStateBadge state={c.state} />
        </div>
        <CardDescription>
          {sourceLabel(c.source)} <LocalDate iso={c.purchased_at} />
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-muted-foreground">Classes left</dt>
            <dd className="text-2xl font-semibold" data-testid="credit-remaining">
              {c.remaining_classes} of {c.total_classes}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">{expiredWord}</dt>
            <dd className="font-medium">
              <LocalDate iso={c.expires_at} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">Paid</dt>
            <dd className="font-medium">{c.amount_paid.amount === 0 ? 'Nothing (complimentary)' : formatMoney(c.amount_paid)}</dd>
          </div>
        </dl>
        {children}
        <details className="group" open={showActor}>
          <summary className="cursor-pointer text-sm font-medium text-primary underline-offset-4 hover:underline">History</summary>
          <div className="mt-3">
            <CreditLedger entries={entries} bookingPath={bookingPath} showActor={showActor} caption={`History of ${c.package_name}`} />
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
