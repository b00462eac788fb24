import type { Metadata } from 'next';
import Link from 'next/link';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'E-mail reminders' };

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** Where /api/mail/unsubscribe sends the person who clicked the link in a reminder: `?done=1` or `?invalid=1`. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const done = singleParam(params, 'done') === '1' && singleParam(params, 'invalid') === undefined;
  const user = await getCurrentUser();
  // Practitioners keep their settings on their practice page; everyone else (and the signed-out) on the account page.
  const accountHref = user?.role === 'provider' ? '/provider' : '/account';
  return (
    <div className="mx-auto flex w-full max-w-lg flex-col py-10">
      <Card>
        {done ? (
          <>
            <CardHeader>
              <h1 className="text-lg leading-tight font-semibold">Reminders are off</h1>
              <CardDescription>You will no longer get reminder e-mails before your sessions and classes.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-3 text-sm" data-testid="unsubscribe-done">
              <p>Booking confirmations, receipts, refunds and cancellations still come: they are about what you booked and paid for.</p>
              <p>
                Changed your mind? Turn reminders back on in{' '}
                <Link href={accountHref} className={linkClass}>
                  your account
                </Link>
                .
              </p>
            </CardContent>
          </>
        ) : (
          <>
            <CardHeader>
              <h1 className="text-lg leading-tight font-semibold">This link is not valid</h1>
              <CardDescription>The unsubscribe link is incomplete or has been changed, so nothing was turned off.</CardDescription>
            </CardHeader>
            <CardContent className="text-sm" data-testid="unsubscribe-invalid">
              <p>
                Use the link in a recent e-mail again, or sign in and turn reminders off in{' '}
                <Link href={accountHref} className={linkClass}>
                  your account
                </Link>
                .
              </p>
            </CardContent>
          </>
        )}
      </Card>
    </div>
  );
}
