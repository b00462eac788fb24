import type { SummaryFigures } from '@/lib/reports';
import { formatMoney } from '@/lib/money';

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** A currency's totals as labelled figures, money first. */
export function SummaryFiguresList({ figures: f }: { figures: SummaryFigures }) {
  const money = (amount: number) => formatMoney({ amount, currency: f.currency }, { zero: 'amount' });
  const items: [string, string][] = [
    ['Charged', money(f.gross)],
    ['Refunded', money(f.refunds)],
    ['Net', money(f.net)],
    ['Platform fees', money(f.platform_fees)],
    ['Provider share', money(f.provider_share)],
    ['Payments succeeded', String(f.payments_succeeded)],
    ['Payments failed', String(f.payments_failed)],
    ['Success rate', percent(f.success_rate)],
    ['Refund rate', percent(f.refund_rate)],
    ['Bookings confirmed', String(f.bookings_confirmed)],
    ['Bookings cancelled', String(f.bookings_cancelled)],
    ['No-show rate', percent(f.no_show_rate)],
    ['Class fill rate', percent(f.fill_rate)],
    ['Credits sold', String(f.credits_sold)],
    ['Credits used', String(f.credits_used)],
    ['Credits expired', String(f.credits_expired)],
    ['New clients', String(f.new_clients)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([label, value]) => (
        <div key={label} className="flex flex-col gap-1">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
