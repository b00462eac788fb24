import type { Metadata } from 'next';
import { ClassForm } from '@/components/schedule/class-form';
import { ClassesTable } from '@/components/schedule/classes-table';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { listClasses, requireProvider } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { addDays } from '@/lib/time';

export const metadata: Metadata = { title: 'Classes' };

const DAYS_AHEAD = 62;

export default async function ProviderClassesPage() {
  const user = await requirePageRole('provider', '/provider/classes');
  const from = now();
  const [classes, profile, currency] = await Promise.all([
    listClasses({ from, to: addDays(from, DAYS_AHEAD), providerId: user.id, includeCancelled: true }),
    requireProvider(user.id),
    getSetting('default_currency'),
  ]);
  return (
    <>
      <PageHeader title="Classes" description="Your group classes in the next two months, and how full they are." />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Upcoming</CardTitle>
            <CardDescription>Times in {profile.time_zone}.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassesTable classes={classes} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Schedule a class</CardTitle>
            <CardDescription>Repeat it weekly and it keeps the same local time across clock changes.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassForm timeZone={profile.time_zone} defaultCurrency={currency} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
