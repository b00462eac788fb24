import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
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
          <Outcome
            title="Reminders are off"
            description="You will no longer get reminder e-mails before your sessions and classes."
            className="flex flex-col gap-3 text-sm"
            testId="unsubscribe-done"
            accountHref={accountHref}
            before={<p>Booking confirmations, receipts, refunds and cancellations still come: they are about what you booked and paid for.</p>}
            lead="Changed your mind? Turn reminders back on in"
          />
        ) : (
          <Outcome
            title="This link is not valid"
            description="The unsubscribe link is incomplete or has been changed, so nothing was turned off."
            className="text-sm"
            testId="unsubscribe-invalid"
            accountHref={accountHref}
            lead="Use the link in a recent e-mail again, or sign in and turn reminders off in"
          />
        )}
      </Card>
    </div>
  );
}

/** One outcome: a heading, what happened, and a link back to the account's settings. */
function Outcome({
  title,
  description,
  className,
  testId,
  accountHref,
  before,
  lead,
}: {
  title: string;
  description: string;
  className: string;
  testId: string;
  accountHref: string;
  before?: ReactNode;
  lead: string;
}) {
  return (
    <>
      <CardHeader>
        <h1 className="text-lg leading-tight font-semibold">{title}</h1>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className={className} data-testid={testId}>
        {before}
        <p>
          {lead}{' '}
          <Link href={accountHref} className={linkClass}>
            your account
          </Link>
          .
        </p>
      </CardContent>
    </>
  );
}
