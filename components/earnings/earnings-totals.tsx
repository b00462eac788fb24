import { StatCards } from '@/components/stat-cards';
import type { CurrencyTotals, EarningsTotalsDto } from '@/lib/earnings';
import { amountText } from './earning-lines-table';

/** The totals per currency: the main one alone, or every currency when there are several. */
export function currencyTotals(totals: EarningsTotalsDto): CurrencyTotals[] {
  if (totals.by_currency && totals.by_currency.length > 1) return totals.by_currency;
  const { pending, available, paid_out, total } = totals;
  return [{ currency: total.currency, pending, available, paid_out, total }];
}

/** Pending, available, paid out and total, one row of cards per currency (PRODUCT.md's Earnings rule). */
export function EarningsTotals({ totals }: { totals: EarningsTotalsDto }) {
  const rows = currencyTotals(totals);
  return (
    <div className="flex flex-col gap-4">
      {rows.map((t) => (
        <section key={t.currency} aria-label={`Totals in ${t.currency.toUpperCase()}`}>
          {rows.length > 1 ? <h2 className="mb-2 text-sm font-medium text-muted-foreground">{t.currency.toUpperCase()}</h2> : null}
          <StatCards
            className="sm:grid-cols-2 lg:grid-cols-4"
            testId="earnings-totals"
            stats={[
              { label: 'Pending', value: amountText(t.pending), note: 'Paid for sessions not yet delivered' },
              { label: 'Available', value: amountText(t.available), note: 'Delivered, waiting for the next payout' },
              { label: 'Paid out', value: amountText(t.paid_out), note: 'Sent to your bank account' },
              { label: 'Total', value: amountText(t.total), note: 'Everything you have earned, after the platform fee' },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
