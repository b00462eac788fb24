import Link from 'next/link';
import type { ReactNode } from 'react';
import { DetailList } from '@/components/detail-list';
import { LocalDateTime } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { linkClass } from '@/components/payments/empty-table';
import { StatCards } from '@/components/stat-cards';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { PayoutStatementDto } from '@/lib/earnings';
import { PayoutStatusBadge } from './badges';
import { amountText, EarningLinesTable } from './earning-lines-table';
import { payoutMethodLabel } from './labels';

/** A payout's statement: what was paid, how, and every line and clawback in it, with totals that add up to the amount. */
export function PayoutStatement({ statement: s, backHref }: { statement: PayoutStatementDto; backHref: string }) {
  const earnings = s.lines.filter((l) => l.kind === 'earning');
  const clawbacks = s.lines.filter((l) => l.kind === 'clawback');
  const details: [string, ReactNode][] = [
    ['Status', <PayoutStatusBadge key="s" status={s.status} />],
    ['Practitioner', s.provider_name],
    ['Method', payoutMethodLabel[s.method]],
    ['Created', <LocalDateTime key="c" iso={s.created_at} withYear />],
    ['Paid', s.paid_at ? <LocalDateTime key="p" iso={s.paid_at} withYear /> : '—'],
    ['Lines', s.line_count],
  ];
  if (s.reference) details.push(['Bank reference', s.reference]);
  if (s.stripe_transfer_id) details.push(['Stripe transfer', <span key="t" className="font-mono text-xs break-all">{s.stripe_transfer_id}</span>]);
  if (s.failure_reason) details.push(['Why it failed', s.failure_reason]);

  return (
    <>
      <PageHeader
        title={`Payout of ${amountText(s.amount)}`}
        description={<span className="font-mono text-sm break-all">{s.id}</span>}
        actions={
          <Link href={backHref} className={`${linkClass} text-sm`}>
            All payouts
          </Link>
        }
      />
      <div className="flex flex-col gap-8">
        {s.status === 'failed' ? (
          <Alert variant="error">This payout failed, so nothing was paid: its lines went back to available, for the next payout.</Alert>
        ) : null}
        <StatCards
          className="sm:grid-cols-2 lg:grid-cols-5"
          testId="statement-totals"
          stats={[
            { label: 'Gross', value: amountText(s.totals.gross), note: 'What clients paid', testId: 'total-gross' },
            { label: 'Platform fee', value: amountText(s.totals.fee), note: 'The platform’s share', testId: 'total-fee' },
            { label: 'Net', value: amountText(s.totals.net), note: 'Gross less the fee', testId: 'total-net' },
            { label: 'Clawbacks', value: amountText(s.totals.clawbacks), note: 'Refunds after an earlier payout', testId: 'total-clawbacks' },
            { label: 'Amount paid', value: amountText(s.amount), note: 'Net less clawbacks', testId: 'total-amount' },
          ]}
        />
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList items={details} />
          </CardContent>
        </Card>
        <section className="flex flex-col gap-4" aria-labelledby="statement-lines">
          <h2 id="statement-lines" className="text-xl font-semibold">
            Earnings
          </h2>
          <EarningLinesTable lines={earnings} caption="Earnings in this payout" empty="No earnings in this payout." />
        </section>
        <section className="flex flex-col gap-4" aria-labelledby="statement-clawbacks">
          <h2 id="statement-clawbacks" className="text-xl font-semibold">
            Clawbacks
          </h2>
          <EarningLinesTable lines={clawbacks} caption="Clawbacks in this payout" empty="No clawbacks: nothing paid earlier was refunded." />
        </section>
      </div>
    </>
  );
}
