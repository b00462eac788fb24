import { MapPin, Video } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BookClassForm, WaitlistForms } from '@/components/bookings/book-class-form';
import { BeforeBookingFacts } from '@/components/bookings/before-booking-facts';
import { creditsFor, deadlineView } from '@/components/bookings/load-booking-view';
import { BookingStatusBadge } from '@/components/bookings/status-badge';
import { LocalDateTime } from '@/components/local-date';
import { BackLink, DetailsCard, Fact } from '@/components/record-layout';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth';
import { activeClassBooking, waitlistCount, waitlistPositionFor } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { classTarget } from '@/lib/credits';
import { getSetting } from '@/lib/settings';
import { getClass } from '@/lib/schedule';
import { formatMoney } from '@/lib/money';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getClass((await params).id);
  return { title: item ? item.title : 'Class' };
}

export default async function ClassPage({ params }: Props) {
  const { id } = await params;
  const item = await getClass(id);
  if (!item) notFound();
  const [user, waiting, windowHours] = await Promise.all([getCurrentUser(), waitlistCount(item.id), getSetting('cancellation_window_hours')]);
  const priced = item.price.amount > 0;
  // A free class needs no credit, so nothing is said about credits.
  const credits = user?.role === 'client' && priced ? await creditsFor(user.id, await classTarget(item.id)) : null;
  const [mine, position] =
    user?.role === 'client' ? await Promise.all([activeClassBooking(user, item.id), waitlistPositionFor(user.id, item.id)]) : [null, null];
  const started = new Date(item.starts_at).getTime() <= now().getTime();
  const full = item.seats_left === 0;
  const path = `/schedule/classes/${item.id}`;

  let booking: ReactNode;
  if (item.cancelled) booking = <Alert variant="error">This class has been cancelled.</Alert>;
  else if (started) booking = <Alert>This class has already started, so it can no longer be booked.</Alert>;
  else if (!user) {
    booking = (
      <Link href={`/signin?callbackUrl=${encodeURIComponent(path)}`} className={buttonVariants({ size: 'lg', className: 'sm:self-start' })}>
        Sign in to book
      </Link>
    );
  } else if (user.role !== 'client') booking = <p className="text-sm text-muted-foreground">Only clients can book classes.</p>;
  else if (mine) {
    booking = (
      <Alert className="flex flex-wrap items-center gap-2">
        You have booked this class. <BookingStatusBadge booking={mine} />
        <Link href={`/account/bookings/${mine.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
          View your booking
        </Link>
      </Alert>
    );
  } else if (full) {
    booking = (
      <div className="flex flex-col gap-3">
        <p>This class is full. Join the waitlist and if a seat opens it is offered to the first in the queue.</p>
        <WaitlistForms classId={item.id} position={position} />
      </div>
    );
  } else {
    booking = <BookClassForm classId={item.id} credit={credits?.offer ?? null} priceLabel={formatMoney(item.price)} byMpesa={item.price.currency === 'kes'} />;
  }

  return (
    <>
      <PageHeader
        title={item.title}
        description={`with ${item.provider.name} · ${item.provider.headline}`}
        actions={
          <BackLink href="/schedule">Back to the schedule</BackLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <DetailsCard contentClassName="flex flex-col gap-4">
          {item.description ? <p>{item.description}</p> : null}
          <dl className="grid gap-3 sm:grid-cols-2">
            <Fact label="When">
              <LocalDateTime iso={item.starts_at} withYear /> – <LocalDateTime iso={item.ends_at} timeOnly />
            </Fact>
            <Fact label="Duration">{item.duration_minutes} minutes</Fact>
            <Fact label="Where" className="flex items-center gap-1.5 font-medium">
              {item.location ? <MapPin aria-hidden="true" className="size-4" /> : <Video aria-hidden="true" className="size-4" />}
              {item.location ?? 'Online'}
              {item.location && item.online_url ? ' · also online' : ''}
            </Fact>
            <Fact label="Price" testId="class-price">
              {formatMoney(item.price)}
            </Fact>
            <div>
              <dt className="text-sm text-muted-foreground">Seats</dt>
              <dd>
                <Badge variant={full ? 'destructive' : 'default'} data-testid="seats-left">
                  {full ? 'Full' : `${item.seats_left} of ${item.capacity} ${item.seats_left === 1 ? 'seat' : 'seats'} left`}
                </Badge>
              </dd>
            </div>
            <Fact label="Waitlist">{waiting === 0 ? 'Nobody waiting' : waiting === 1 ? '1 person waiting' : `${waiting} people waiting`}</Fact>
            <BeforeBookingFacts deadline={deadlineView(item.starts_at, windowHours, now())} cover={credits?.cover ?? null} what="class" />
          </dl>
        </DetailsCard>
        <Card>
          <CardHeader>
            <CardTitle>Book</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">{booking}</CardContent>
        </Card>
      </div>
    </>
  );
}
