import { CircleCheck } from 'lucide-react';
import { Fact } from '@/components/record-layout';
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import type { BookingDto } from '@/lib/bookings';
import { AddToCalendarLink, BookingPlace, BookingWhen, CancellationDeadline, PaidLine, type BookingPayment } from './booking-facts';
import { bookingTitle } from './labels';

export interface DeadlineView {
  deadline: string;
  windowHours: number;
  passed: boolean;
}

/**
 * A confirmed booking at a glance: what, when, where, with whom, what was
 * paid (with the receipt), until when it can be cancelled for free, and
 * the calendar file. Shown after paying and on the booking's page.
 */
export function BookingConfirmation({ booking: b, payment, deadline }: { booking: BookingDto; payment: BookingPayment | null; deadline: DeadlineView }) {
  return (
    <Card data-testid="booking-confirmation" className="lg:col-span-3">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CircleCheck aria-hidden="true" className="size-5 text-primary" />
          You are booked
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 sm:grid-cols-2">
          <Fact label="What">
            {bookingTitle(b)} <span className="font-normal text-muted-foreground">({b.kind === 'class' ? 'group class' : '1:1 session'})</span>
          </Fact>
          <Fact label="When" testId="confirmation-when">
            <BookingWhen startsAt={b.starts_at} endsAt={b.ends_at} />
          </Fact>
          <Fact label="Where" testId="confirmation-where">
            <BookingPlace booking={b} />
          </Fact>
          <Fact label="With" testId="confirmation-with">
            {b.provider.name}
          </Fact>
          <Fact label="Payment">{payment ? <PaidLine payment={payment} /> : 'Free: nothing to pay'}</Fact>
          <Fact label="Cancellation">
            <CancellationDeadline {...deadline} />
          </Fact>
        </dl>
      </CardContent>
      <CardFooter>
        <AddToCalendarLink bookingId={b.id} />
      </CardFooter>
    </Card>
  );
}
