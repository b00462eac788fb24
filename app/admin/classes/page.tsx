import type { Metadata } from 'next';
import { ClassForm } from '@/components/schedule/class-form';
import { ClassesTable } from '@/components/schedule/classes-table';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { listClasses, listProviders } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { addDays } from '@/lib/time';

export const metadata: Metadata = { title: 'Classes' };

const DAYS_AHEAD = 62;

export default async function AdminClassesPage() {
  await requirePageRole('admin', '/admin/classes');
  const from = now();
  const [classes, providers, currency] = await Promise.all([
    listClasses({ from, to: addDays(from, DAYS_AHEAD), includeCancelled: true }),
    listProviders(),
    getSetting('default_currency'),
  ]);
  return (
    <>
      <PageHeader title="Classes" description="Every upcoming group class in the next two months, with seats taken." />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Upcoming</CardTitle>
            <CardDescription>Each time is shown in its practitioner’s zone.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassesTable classes={classes} showProvider />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Schedule a class</CardTitle>
            <CardDescription>Date and time are in the chosen practitioner’s zone.</CardDescription>
          </CardHeader>
          <CardContent>
            <ClassForm providers={providers.map((p) => ({ id: p.id, name: p.name, time_zone: p.time_zone }))} defaultCurrency={currency} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
