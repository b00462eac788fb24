import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToCalendarLink } from '@/components/bookings/booking-facts';
import { BookingConfirmation } from '@/components/bookings/booking-confirmation';
import { BookingSummary } from '@/components/bookings/booking-summary';
import { ExpiredHoldCard } from '@/components/bookings/expired-hold-card';
import { bookingPayment, deadlineView, holdLapsed, rebookOption } from '@/components/bookings/load-booking-view';
import { CancelBookingDialog } from '@/components/bookings/cancel-booking-dialog';
import { CancelPolicy } from '@/components/bookings/cancel-policy';
import { bookingTitle } from '@/components/bookings/labels';
import { RescheduleForm, type RescheduleOption } from '@/components/bookings/reschedule-form';
import { LocalDateTime } from '@/components/local-date';
import { BackLink, DetailsCard } from '@/components/record-layout';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { findBookingRow, toBookingDto, type BookingDto } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { isAppError } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import { listClasses, freeSlots } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { DAY_MS } from '@/lib/time';

export const metadata: Metadata = { title: 'Booking' };

const CLASS_LOOKAHEAD_DAYS = 60;
const SLOT_LOOKAHEAD_DAYS = 14;

/** Where a booking can move: other classes of the same price with seats, or the provider's free slots for the same session type. */
async function rescheduleOptions(b: BookingDto, at: Date): Promise<RescheduleOption[]> {
  if (b.kind === 'class') {
    const classes = await listClasses({ from: at, to: new Date(at.getTime() + CLASS_LOOKAHEAD_DAYS * DAY_MS) });
    return classes
      .filter((c) => c.id !== b.class?.id && !c.cancelled && c.seats_left > 0 && c.price.amount === b.price.amount && c.price.currency === b.price.currency)
      .map((c) => ({ value: c.id, startsAt: c.starts_at, title: `${c.title} with ${c.provider.name}` }));
  }
  if (!b.session_type) return [];
  try {
    const slots = await freeSlots({ providerId: b.provider.id, sessionTypeId: b.session_type.id, from: at, to: new Date(at.getTime() + SLOT_LOOKAHEAD_DAYS * DAY_MS) });
    return slots.map((s) => ({ value: s.starts_at, startsAt: s.starts_at }));
  } catch (err) {
    // A session type no longer offered has no slots to move to.
    if (isAppError(err) && err.code === 'not_found') return [];
    throw err;
  }
}

/** "Paid with a class credit", and after an in-time cancellation, that the use went back to it. */
function CreditPaymentCard({ booking, credit }: { booking: BookingDto; credit: { passName: string | null; returned?: boolean } | null }) {
  return (
    <Card data-testid="credit-payment">
      <CardHeader>
        <CardTitle>Paid with a class credit</CardTitle>
        <CardDescription>One class from {credit?.passName ? `your ${credit.passName}` : 'your class credits'}.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm">
        {credit?.returned ? (
          <p className="font-medium" data-testid="credit-returned">
            The class went back to your credit when you cancelled.
          </p>
        ) : booking.status === 'cancelled' ? (
          <p>{booking.refund_due === 'full' ? 'The class is on its way back to your credit.' : 'Cancelled too late: the class was not given back.'}</p>
        ) : null}
        <Link href="/account/credits" className="font-medium text-primary underline-offset-4 hover:underline">
          My credits
        </Link>
      </CardContent>
    </Card>
  );
}

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const client = await requirePageRole('client', `/account/bookings/${encodeURIComponent(id)}`);
  const row = await findBookingRow(id, client);
  if (!row) notFound();
  const at = now();
  const stored = toBookingDto(row);
  // A hold past its time is over for the client, even before the worker marks it expired.
  const lapsed = holdLapsed(stored, at);
  const booking: BookingDto = lapsed ? { ...stored, status: 'expired' } : stored;
  const windowHours = await getSetting('cancellation_window_hours');
  const title = bookingTitle(booking);
  const cancellable = booking.status === 'pending_payment' || booking.status === 'confirmed';
  const movable = booking.status === 'confirmed' && !booking.rescheduled_from_id && !booking.rescheduled_to_id;
  const inWindow = new Date(booking.starts_at).getTime() - at.getTime() >= windowHours * 3_600_000;
  const [options, payment, rebook] = await Promise.all([
    movable && inWindow ? rescheduleOptions(booking, at) : Promise.resolve<RescheduleOption[]>([]),
    bookingPayment(booking, client),
    lapsed ? rebookOption(booking, at) : Promise.resolve(null),
  ]);
  const credit = payment?.kind === 'credit' ? payment : null;

  return (
    <>
      <PageHeader
        title={title}
        description={`${booking.kind === 'class' ? 'Group class' : '1:1 session'} with ${booking.provider.name}`}
        actions={
          <BackLink href="/account/bookings">All my bookings</BackLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {/* A confirmed booking's confirmation carries its Add to calendar; the details card carries it otherwise. */}
        {booking.status === 'confirmed' ? <BookingConfirmation booking={booking} payment={payment} deadline={deadlineView(booking.starts_at, windowHours, at)} /> : null}
        <DetailsCard footer={booking.status === 'expired' || booking.status === 'cancelled' || booking.status === 'confirmed' ? undefined : <AddToCalendarLink bookingId={booking.id} />}>
          <BookingSummary booking={booking} windowHours={windowHours} audience="client" basePath="/account/bookings" payment={payment} />
        </DetailsCard>
        <div className="flex flex-col gap-6">
          {rebook ? <ExpiredHoldCard kind={booking.kind} expiredAt={booking.hold_expires_at} rebook={rebook} /> : null}
          {booking.payment_type === 'credit' ? <CreditPaymentCard booking={booking} credit={credit} /> : null}
          {booking.status === 'pending_payment' ? (
            <Card>
              <CardHeader>
                <CardTitle>Payment</CardTitle>
                <CardDescription>
                  Awaiting payment — held until {booking.hold_expires_at ? <LocalDateTime iso={booking.hold_expires_at} /> : 'the hold ends'}.
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-2">
                <Link href={`/account/bookings/${encodeURIComponent(booking.id)}/pay`} className={buttonVariants({ className: 'self-start' })}>
                  Pay now
                </Link>
                <p className="text-sm text-muted-foreground">{formatMoney(booking.amount_due)} by card.</p>
              </CardContent>
            </Card>
          ) : null}
          {movable ? (
            <Card>
              <CardHeader>
                <CardTitle>Reschedule</CardTitle>
                <CardDescription>A booking can be moved once, up to {windowHours} hours before it starts. The payment goes with it.</CardDescription>
              </CardHeader>
              <CardContent>
                {!inWindow ? (
                  <Alert>It starts in less than {windowHours} hours, so it can no longer be moved.</Alert>
                ) : options.length ? (
                  <RescheduleForm bookingId={booking.id} kind={booking.kind} options={options} />
                ) : (
                  <Alert>{booking.kind === 'class' ? 'No other upcoming class of the same price has a free seat.' : 'No free times in the next two weeks.'}</Alert>
                )}
              </CardContent>
            </Card>
          ) : null}
          {cancellable ? (
            <Card>
              <CardHeader>
                <CardTitle>Cancel</CardTitle>
                <CardDescription>
                  {booking.payment_type === 'credit' ? 'The class goes back to your credit' : 'Full refund'} when you cancel at least {windowHours} hours before the start; nothing back later.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <CancelBookingDialog byClient bookingId={booking.id} what={title} policy={<CancelPolicy booking={booking} windowHours={windowHours} actor="client" at={at} />} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
