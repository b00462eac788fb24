import type { Metadata } from 'next';
import { ExceptionsEditor } from '@/components/schedule/exceptions-editor';
import { WeeklyHoursForm } from '@/components/schedule/weekly-hours-form';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { getAvailability, listExceptions } from '@/lib/schedule';

export const metadata: Metadata = { title: 'Availability' };

export default async function ProviderAvailabilityPage() {
  const user = await requirePageRole('provider', '/provider/availability');
  const availability = await getAvailability(user.id);
  const exceptions = await listExceptions(user.id, { timeZone: availability.time_zone });
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes(availability.time_zone)) zones.unshift(availability.time_zone);

  return (
    <>
      <PageHeader title="Availability" description="When clients can book you one to one. Classes you teach are kept free automatically." />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Weekly hours</CardTitle>
            <CardDescription>Every week, in your time zone. Leave a day empty to close it.</CardDescription>
          </CardHeader>
          <CardContent>
            <WeeklyHoursForm timeZone={availability.time_zone} rules={availability.rules} zones={zones} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Date exceptions</CardTitle>
            <CardDescription>Days off, or different hours on a particular date.</CardDescription>
          </CardHeader>
          <CardContent>
            <ExceptionsEditor exceptions={exceptions} timeZone={availability.time_zone} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
