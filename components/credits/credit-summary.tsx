import type { ReactNode } from 'react';
import { LocalDate } from '@/components/local-date';
import { coverageSentence } from '@/components/packages/coverage';
import { Fact } from '@/components/record-layout';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { CreditDto, CreditEntryDto } from '@/lib/credits';
import { formatMoney } from '@/lib/money';
import type { Coverage } from '@/lib/packages';
import { CreditLedger } from './credit-ledger';
import { CreditStateBadge } from './credit-state-badge';
import { EXPIRY_DATE, sourceLabel } from './labels';

/**
 * One credit: what it is, uses left of the total, expiry, what was paid and
 * its ledger, and (given `coverage`) which classes and sessions it pays for.
 * `children` is where an admin's forms go.
 */
export function CreditSummary({
  credit: c,
  entries,
  bookingPath,
  showActor,
  coverage,
  children,
}: {
  credit: CreditDto;
  entries: CreditEntryDto[];
  bookingPath: string;
  showActor?: boolean;
  coverage?: Coverage;
  children?: ReactNode;
}) {
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
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-muted-foreground">Classes left</dt>
            <dd className="text-2xl font-semibold" data-testid="credit-remaining">
              {c.remaining_classes} of {c.total_classes}
            </dd>
          </div>
          <Fact label={expiredWord} testId="credit-expiry">
            <LocalDate iso={c.expires_at} options={EXPIRY_DATE} />
          </Fact>
          <div>
            <dt className="text-sm text-muted-foreground">Paid</dt>
            <dd className="font-medium">{c.amount_paid.amount === 0 ? 'Nothing (complimentary)' : formatMoney(c.amount_paid)}</dd>
          </div>
          {coverage ? (
            <Fact label="Covers" testId="credit-coverage">
              {coverageSentence(coverage)}
            </Fact>
          ) : null}
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
