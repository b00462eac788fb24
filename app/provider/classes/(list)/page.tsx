import type { Metadata } from 'next';
import { ClassForm } from '@/components/schedule/class-form';
import { ClassesTable } from '@/components/schedule/classes-table';
import { ClassesToComplete, toCompleteRows } from '@/components/schedule/classes-to-complete';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { listClasses, requireProvider } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { addDays } from '@/lib/time';

export const metadata: Metadata = { title: 'Classes' };

const DAYS_AHEAD = 62;
/** How far back classes still open are offered for completion (the worker completes older ones). */
const DAYS_BACK = 14;

export default async function ProviderClassesPage() {
  const user = await requirePageRole('provider', '/provider/classes');
  const from = now();
  const [classes, started, profile, currency] = await Promise.all([
    listClasses({ from, to: addDays(from, DAYS_AHEAD), providerId: user.id, includeCancelled: true }),
    listClasses({ from: addDays(from, -DAYS_BACK), to: from, providerId: user.id }),
    requireProvider(user.id),
    getSetting('default_currency'),
  ]);
  const toComplete = toCompleteRows(started, from);
  return (
    <>
      <PageHeader title="Classes" description="Your group classes in the next two months, and how full they are." />
      {toComplete.length ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>To complete</CardTitle>
            <CardDescription>Classes that have started: complete each once it is delivered, and its earnings become available.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassesToComplete classes={toComplete} />
          </CardContent>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Upcoming</CardTitle>
            <CardDescription>Times in {profile.time_zone}.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassesTable classes={classes} href={(c) => `/provider/classes/${c.id}`} />
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
