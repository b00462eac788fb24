import { formatMoney, money } from '@/lib/money';
import type { PaymentProviderSummary } from '@/lib/reports';

const PAID_WITH_LABELS = { card: 'Card (Stripe)', mpesa: 'M-Pesa' } as const;

/** The money of the span split by how clients paid. */
export function PaidWithTable({ rows }: { rows: PaymentProviderSummary[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`paid-with-${rows[0]?.currency}`} data-testid="analytics-paid-with">
      <h3 id={`paid-with-${rows[0]?.currency}`} className="mb-2 text-sm font-semibold">
        By payment method
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-border text-left text-muted-foreground">
              <th scope="col" className="py-2 pr-4 font-medium">Paid with</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Charged</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Refunded</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Net</th>
              <th scope="col" className="py-2 text-right font-medium">Payments</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.payment_provider} className="border-b border-border last:border-0">
                <th scope="row" className="py-2 pr-4 text-left font-medium">{PAID_WITH_LABELS[r.payment_provider]}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(money(r.gross, r.currency), { zero: 'amount' })}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(money(r.refunds, r.currency), { zero: 'amount' })}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(money(r.net, r.currency), { zero: 'amount' })}</td>
                <td className="py-2 text-right tabular-nums">{r.payments_succeeded}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
