import { CalendarPlus } from 'lucide-react';
import Link from 'next/link';
import { LocalDate, LocalDateTime } from '@/components/local-date';
import { cardLabel } from '@/components/payments/labels';
import { buttonVariants } from '@/components/ui/button';
import type { BookingDto } from '@/lib/bookings';
import { formatMoney, type Money } from '@/lib/money';

/** How a booking was paid, as its pages show it: by card (with the receipt) or with a credit from a pass. */
export type BookingPayment =
  | { kind: 'card'; amount: Money; refunded: number; paidAt: string | null; card: { brand: string; last4: string } | null; receiptHref: string }
  | { kind: 'credit'; passName: string | null };

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** In the app, never the card processor's host: the page finds the booking's payment and shows its receipt. */
export function receiptPath(bookingId: string): string {
  return `/account/bookings/${encodeURIComponent(bookingId)}/receipt`;
}

/** "Tue 8 Dec 2026, 10:00 – 11:00 London time". */
export function BookingWhen({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  return (
    <>
      <LocalDateTime iso={startsAt} withYear /> – <LocalDateTime iso={endsAt} timeOnly />
    </>
  );
}

/** The class's place and online link; a 1:1's place is the practitioner's to give. */
export function BookingPlace({ booking: b }: { booking: Pick<BookingDto, 'class' | 'provider'> }) {
  if (!b.class) return <>Arranged with {b.provider.name}</>;
  return (
    <>
      {b.class.location ?? 'Online'}
      {b.class.online_url ? (
        <>
          {b.class.location ? ' · ' : ' '}
          <a href={b.class.online_url} className={linkClass} rel="noopener noreferrer" target="_blank">
            Online link<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </>
      ) : null}
    </>
  );
}

/** "Paid £15.00 by card (Visa •••• 4242) on 2 Dec 2026 · Receipt" or "Paid with 1 credit from 10-class pass". */
export function PaidLine({ payment: p }: { payment: BookingPayment }) {
  if (p.kind === 'credit') return <span data-testid="paid-line">Paid with 1 credit from {p.passName ?? 'your class credits'}</span>;
  return (
    <span data-testid="paid-line">
      Paid {formatMoney(p.amount)} by card{p.card ? ` (${cardLabel(p.card)})` : ''}
      {p.paidAt ? (
        <>
          {' '}
          on <LocalDate iso={p.paidAt} options={{ day: 'numeric', month: 'short', year: 'numeric' }} />
        </>
      ) : null}
      {p.refunded > 0 ? `; ${formatMoney({ amount: p.refunded, currency: p.amount.currency })} refunded` : ''}
      {' · '}
      <Link href={p.receiptHref} className={linkClass}>
        Receipt
      </Link>
    </span>
  );
}

/** "Free cancellation until Tue 8 Dec 2026, 10:00 London time", or that it has passed. */
export function CancellationDeadline({ deadline, windowHours, passed }: { deadline: string; windowHours: number; passed: boolean }) {
  return (
    <span data-testid="cancellation-deadline">
      {passed ? 'Free cancellation ended ' : 'Free cancellation until '}
      <LocalDateTime iso={deadline} withYear />
      <span className="block text-sm text-muted-foreground">
        {windowHours} hours before the start; {passed ? 'cancelling now gives nothing back.' : 'after that, nothing is given back.'}
      </span>
    </span>
  );
}

/** Downloads the booking as an .ics file for any calendar app. */
export function AddToCalendarLink({ bookingId }: { bookingId: string }) {
  return (
    <a href={`/api/v1/bookings/${encodeURIComponent(bookingId)}/calendar.ics`} download className={buttonVariants({ variant: 'outline', className: 'self-start' })}>
      <CalendarPlus aria-hidden="true" />
      Add to calendar
    </a>
  );
}
