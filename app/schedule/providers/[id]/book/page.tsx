import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BeforeBookingFacts } from '@/components/bookings/before-booking-facts';
import { ConfirmSessionForm } from '@/components/bookings/confirm-session-form';
import { creditsFor, deadlineView } from '@/components/bookings/load-booking-view';
import { LocalDateTime } from '@/components/local-date';
import { Fact } from '@/components/record-layout';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth';
import { now } from '@/lib/clock';
import { getSetting } from '@/lib/settings';
import { formatMoney } from '@/lib/money';
import { findProvider, getProvider, isOfferedSlot } from '@/lib/schedule';

export const metadata: Metadata = { title: 'Confirm your booking' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function Problem({ title, children, backHref }: { title: string; children: ReactNode; backHref: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert variant="error" className="mb-4">
        {children}
      </Alert>
      <Link href={backHref} className={buttonVariants({ variant: 'outline' })}>
        Back to the practitioner’s free times
      </Link>
    </>
  );
}

export default async function BookSessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!(await findProvider(id))) notFound();
  const provider = await getProvider(id);
  const query = await searchParams;
  const typeId = singleParam(query, 'type');
  const start = singleParam(query, 'start');
  const type = provider.session_types.find((t) => t.id === typeId);
  const providerHref = `/schedule/providers/${provider.id}`;
  const backHref = type ? `${providerHref}?type=${type.id}` : providerHref;

  if (!type) {
    return (
      <Problem title="Choose a session" backHref={providerHref}>
        {typeId ? 'That session type is not offered any more.' : 'No session type was chosen.'} Pick one on {provider.name}’s page.
      </Problem>
    );
  }
  const startsAt = start ? new Date(start) : null;
  if (!startsAt || Number.isNaN(startsAt.getTime())) {
    return (
      <Problem title="Choose a time" backHref={backHref}>
        {start ? 'That time is not valid.' : 'No time was chosen.'} Pick one of {provider.name}’s free times.
      </Problem>
    );
  }
  if (startsAt.getTime() <= now().getTime()) {
    return (
      <Problem title="Choose a time" backHref={backHref}>
        That time has passed. Pick one of {provider.name}’s free times.
      </Problem>
    );
  }
  if (!(await isOfferedSlot(provider.id, type.id, startsAt))) {
    return (
      <Problem title="Choose another time" backHref={backHref}>
        This time is not free any more — it may have just been taken. Please pick another.
      </Problem>
    );
  }

  const user = await getCurrentUser();
  // A credit pays the whole session (no deposit); only priced sessions offer it.
  const [credits, windowHours] = await Promise.all([
    user?.role === 'client' && type.price.amount > 0 ? creditsFor(user.id, { kind: 'session', sessionTypeId: type.id }) : Promise.resolve(null),
    getSetting('cancellation_window_hours'),
  ]);
  const cardPrice = formatMoney(type.deposit ?? type.price);
  const startsIso = startsAt.toISOString();
  const endsIso = new Date(startsAt.getTime() + type.duration_minutes * 60_000).toISOString();
  const path = `/schedule/providers/${provider.id}/book?type=${type.id}&start=${encodeURIComponent(startsIso)}`;

  return (
    <>
      <PageHeader
        title="Confirm your booking"
        description="Check the details, then confirm."
        actions={
          <Link href={backHref} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Pick another time
          </Link>
        }
      />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>
            {type.name} with {provider.name}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {type.description ? <p className="mb-4">{type.description}</p> : null}
          <dl className="grid gap-3 sm:grid-cols-2">
            <Fact label="Practitioner">
              {provider.name} · {provider.headline}
            </Fact>
            <Fact label="When" testId="session-time">
              <LocalDateTime iso={startsIso} withYear /> – <LocalDateTime iso={endsIso} timeOnly />
            </Fact>
            <Fact label="Duration">{type.duration_minutes} minutes</Fact>
            <Fact label="Price" testId="session-price">
              {formatMoney(type.price)}
            </Fact>
            {type.deposit ? <Fact label="Deposit to book">{formatMoney(type.deposit)} now; the rest is settled with the practitioner</Fact> : null}
            <BeforeBookingFacts deadline={deadlineView(startsIso, windowHours, now())} cover={credits?.cover ?? null} what="session" />
          </dl>
        </CardContent>
        <CardFooter>
          {!user ? (
            <Link href={`/signin?callbackUrl=${encodeURIComponent(path)}`} className={buttonVariants({ size: 'lg' })}>
              Sign in to book
            </Link>
          ) : user.role !== 'client' ? (
            <p className="text-sm text-muted-foreground">Only clients can book sessions.</p>
          ) : (
            <ConfirmSessionForm
              providerId={provider.id}
              sessionTypeId={type.id}
              startsAt={startsIso}
              backHref={backHref}
              credit={credits?.offer ?? null}
              priceLabel={type.deposit ? `${cardPrice} deposit` : cardPrice}
              byMpesa={type.price.currency === 'kes'}
            />
          )}
        </CardFooter>
      </Card>
    </>
  );
}
