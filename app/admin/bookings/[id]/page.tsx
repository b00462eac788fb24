import { CalendarPlus } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BookingStepButtons } from '@/components/bookings/booking-step-buttons';
import { BookingSummary } from '@/components/bookings/booking-summary';
import { CancelBookingDialog } from '@/components/bookings/cancel-booking-dialog';
import { CancelPolicy } from '@/components/bookings/cancel-policy';
import { bookingTitle } from '@/components/bookings/labels';
import { isCancellable, stepsFor } from '@/components/bookings/staff-steps';
import { BackLink, DetailsCard } from '@/components/record-layout';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { buttonVariants } from '@/components/ui/button';
import { requirePageRole } from '@/lib/auth';
import { toBookingDto, findBookingRow } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Booking' };

export default async function AdminBookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', `/admin/bookings/${encodeURIComponent(id)}`);
  const row = await findBookingRow(id, admin);
  if (!row) notFound();
  const booking = toBookingDto(row);
  const at = now();
  const windowHours = await getSetting('cancellation_window_hours');
  const what = `${bookingTitle(booking)} with ${booking.client.name}`;
  const steps = stepsFor(booking, at);
  const cancellable = isCancellable(booking);

  return (
    <>
      <PageHeader
        title={bookingTitle(booking)}
        description={`${booking.kind === 'class' ? 'Group class' : '1:1 session'} · ${booking.client.name} with ${booking.provider.name}`}
        actions={
          <BackLink href="/admin/bookings">All bookings</BackLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <DetailsCard
          footer={
            <a href={`/api/v1/bookings/${encodeURIComponent(booking.id)}/calendar.ics`} download className={buttonVariants({ variant: 'outline', className: 'self-start' })}>
              <CalendarPlus aria-hidden="true" />
              Add to calendar
            </a>
          }
        >
          <BookingSummary booking={booking} windowHours={windowHours} audience="staff" basePath="/admin/bookings" />
        </DetailsCard>
        <Card>
          <CardHeader>
            <CardTitle>Actions</CardTitle>
            <CardDescription>
              {steps.length || cancellable ? 'An admin cancellation always refunds the client in full.' : 'Nothing can be changed on this booking now.'}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <BookingStepButtons bookingId={booking.id} steps={steps} what={what} />
            {cancellable ? <CancelBookingDialog bookingId={booking.id} what={what} policy={<CancelPolicy booking={booking} windowHours={windowHours} actor="admin" at={at} />} /> : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
