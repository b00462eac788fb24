import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Rebook } from './load-booking-view';

/**
 * An unpaid hold that ran out: it says so (nothing was charged) and offers
 * what is left: the same seat or time again, the waitlist of a full class, or the schedule.
 */
export function ExpiredHoldCard({ kind, expiredAt, rebook }: { kind: 'class' | 'session'; expiredAt: string | null; rebook: Rebook }) {
  const what = kind === 'class' ? 'seat' : 'time';
  return (
    <Card data-testid="hold-expired">
      <CardHeader>
        <CardTitle>Your hold expired</CardTitle>
        <CardDescription>
          The booking was not paid in time{expiredAt ? (
            <>
              {' '}
              (the hold ended <LocalDateTime iso={expiredAt} withYear />)
            </>
          ) : null}
          , so the {what} was released. Nothing was charged.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {rebook.kind === 'free' ? (
          <>
            <p>The {what} is still free.</p>
            <Link href={rebook.href} className={buttonVariants({ className: 'self-start' })}>
              Book again
            </Link>
          </>
        ) : rebook.kind === 'full' ? (
          <>
            <p>{kind === 'class' ? 'The class is now full. You can join its waitlist.' : 'That time has been taken. Pick another free time.'}</p>
            <Link href={rebook.href} className={buttonVariants({ variant: 'outline', className: 'self-start' })}>
              {kind === 'class' ? 'Join the waitlist' : 'See free times'}
            </Link>
          </>
        ) : (
          <>
            <p>It can no longer be booked.</p>
            <Link href={rebook.href} className={buttonVariants({ variant: 'outline', className: 'self-start' })}>
              {kind === 'class' ? 'See the schedule' : 'See free times'}
            </Link>
          </>
        )}
      </CardContent>
    </Card>
  );
}
