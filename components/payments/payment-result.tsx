'use client';

import { CircleCheck, LoaderCircle } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import type { BookingDto } from '@/lib/bookings';

type Seen = Pick<BookingDto, 'status' | 'payment_status'>;

const POLL_MS = 1_000;
const SLOW_AFTER_MS = 30_000;
/** After this, keep asking but less often: the webhook or the reconciliation job may still land. */
const GIVE_UP_FAST_AFTER_MS = 120_000;

function isPaid(b: Seen): boolean {
  return b.status === 'confirmed' && b.payment_status === 'paid';
}

/**
 * Waits for the booking to be confirmed by the webhook, asking the API every
 * second. Coming back from Stripe proves nothing, so this is the only place
 * the client learns the payment went through; then `confirmation` (what,
 * when, where, the receipt) is shown.
 */
export function PaymentResult({ bookingId, initial, confirmation }: { bookingId: string; initial: Seen; confirmation?: ReactNode }) {
  const [booking, setBooking] = useState<Seen>(initial);
  const [slow, setSlow] = useState(false);
  const settled = isPaid(booking) || booking.status === 'cancelled' || booking.status === 'expired';

  useEffect(() => {
    if (settled) return;
    const started = Date.now();
    let cancelled = false;
    let timer: number | undefined;
    async function poll() {
      try {
        const res = await fetch(`/api/v1/bookings/${encodeURIComponent(bookingId)}`, { cache: 'no-store', credentials: 'same-origin' });
        if (res.ok) {
          const body = (await res.json()) as { booking?: Seen };
          if (!cancelled && body.booking) setBooking({ status: body.booking.status, payment_status: body.booking.payment_status });
        }
      } catch {
        // A dropped request is retried on the next tick.
      }
      if (cancelled) return;
      const elapsed = Date.now() - started;
      if (elapsed >= SLOW_AFTER_MS) setSlow(true);
      timer = window.setTimeout(() => void poll(), elapsed >= GIVE_UP_FAST_AFTER_MS ? POLL_MS * 10 : POLL_MS);
    }
    timer = window.setTimeout(() => void poll(), 0);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [bookingId, settled]);

  const bookingPath = `/account/bookings/${encodeURIComponent(bookingId)}`;
  const back = (
    <Link href={bookingPath} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
      View your booking
    </Link>
  );

  return (
    <div role="status" aria-live="polite" data-testid="payment-result" className="flex flex-col gap-4">
      {isPaid(booking) ? (
        <>
          <p className="flex items-center gap-2 text-lg font-medium" data-testid="payment-outcome">
            <CircleCheck aria-hidden="true" className="size-5 text-primary" />
            Payment received — your booking is confirmed
          </p>
          {confirmation}
          <div className="flex gap-4">
            {back}
            <Link href="/account/payments" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              Payments and receipts
            </Link>
          </div>
        </>
      ) : booking.status === 'cancelled' || booking.status === 'expired' ? (
        <>
          <p className="text-lg font-medium" data-testid="payment-outcome">
            This booking is {booking.status === 'expired' ? 'no longer held: its hold expired' : 'cancelled'}.
          </p>
          <p className="text-sm text-muted-foreground">The booking page says what happens to anything you paid.</p>
          {back}
        </>
      ) : (
        <>
          <p className="flex items-center gap-2 text-lg font-medium" data-testid="payment-outcome">
            <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
            Processing your payment…
          </p>
          {slow ? (
            <p className="text-sm text-muted-foreground" data-testid="payment-slow">
              This is taking longer than usual. There is no need to pay again: check back on your bookings page shortly, where the booking shows as confirmed once the payment arrives.
            </p>
          ) : null}
          <div className="flex gap-4">
            {back}
            {slow ? (
              <Link href="/account/bookings" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                My bookings
              </Link>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
