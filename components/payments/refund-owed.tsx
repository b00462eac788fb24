import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { Badge } from '@/components/ui/badge';
import { formatMoney } from '@/lib/money';
import type { OwedRefundListItem, RefundOwedDto } from '@/lib/payments';
import { linkClass } from './empty-table';

/** "Refund owed — retrying": a cancellation's refund the provider has not yet taken; the worker tries again until it is made. */
export function RefundOwedBadge() {
  return (
    <Badge variant="destructive" data-testid="refund-owed">
      Refund owed — retrying
    </Badge>
  );
}

/** How often it was tried, and the provider's last error. */
export function RefundOwedAttempts({ owed }: { owed: RefundOwedDto }) {
  return (
    <span className="text-sm">
      {owed.attempts === 1 ? '1 attempt' : `${owed.attempts} attempts`}
      {owed.last_attempt_at ? (
        <>
          , last <LocalDateTime iso={owed.last_attempt_at} />
        </>
      ) : null}
      {owed.last_error ? <span className="block text-muted-foreground break-words">{owed.last_error}</span> : null}
    </span>
  );
}

/** Every refund still owed after a cancellation, oldest first, above the admin payments list; nothing when none is. */
export function OwedRefunds({ owed }: { owed: OwedRefundListItem[] }) {
  if (!owed.length) return null;
  return (
    <section aria-labelledby="refunds-owed" className="flex flex-col gap-3 rounded-md border border-destructive/40 p-4">
      <h2 id="refunds-owed" className="text-lg font-semibold">
        Refunds owed ({owed.length})
      </h2>
      <p className="text-sm text-muted-foreground">
        These cancellations are owed a refund the payment provider has not taken yet. The worker tries again with growing gaps until it is made; each leaves this list once refunded.
      </p>
      <ul className="flex flex-col gap-3">
        {owed.map((o) => (
          <li key={o.payment_id} className="flex flex-col gap-1 text-sm" data-testid="owed-refund">
            <span className="flex flex-wrap items-center gap-2">
              <RefundOwedBadge />
              <span className="font-medium">{formatMoney(o.amount)}</span>
              <span>to {o.client.name}</span>
              <Link href={`/admin/payments/${encodeURIComponent(o.payment_id)}`} className={`${linkClass} font-mono text-xs break-all`}>
                {o.payment_id}
              </Link>
              {o.payable.type === 'booking' ? (
                <Link href={`/admin/bookings/${o.payable.id}`} className={linkClass}>
                  booking
                </Link>
              ) : null}
              <span className="text-muted-foreground">
                since <LocalDateTime iso={o.since} />
              </span>
            </span>
            <RefundOwedAttempts owed={o} />
          </li>
        ))}
      </ul>
    </section>
  );
}
