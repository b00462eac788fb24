import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { Card } from '@/components/ui/card';
import type { BookingDto } from '@/lib/bookings';
import { bookingTitle, paymentLabel } from './labels';
import { BookingStatusBadge } from './status-badge';

/** The client's bookings: what, with whom, when, status and payment, each opening its page. */
export function ClientBookingsList({ bookings }: { bookings: BookingDto[] }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Bookings">
      {bookings.map((b) => (
        <li key={b.id}>
          <Card className="flex flex-col gap-3 p-5 sm:flex-row sm:items-center sm:justify-between" data-testid="booking-row">
            <div className="flex flex-col gap-1">
              <p className="text-sm font-medium text-primary">
                <LocalDateTime iso={b.starts_at} withYear />
              </p>
              <h3 className="text-lg font-semibold leading-tight">{bookingTitle(b)}</h3>
              <p className="text-sm text-muted-foreground">
                with {b.provider.name} · {b.kind === 'class' ? 'group class' : '1:1 session'}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-3 sm:flex-col sm:items-end">
              <BookingStatusBadge booking={b} />
              <span className="text-sm text-muted-foreground">{paymentLabel(b)}</span>
              <Link href={`/account/bookings/${b.id}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline" aria-label={`Details of ${bookingTitle(b)} with ${b.provider.name}`}>
                Details
              </Link>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
