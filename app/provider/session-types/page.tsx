import type { Metadata } from 'next';
import { SessionTypeForm } from '@/components/schedule/session-type-form';
import { SessionTypeRow } from '@/components/schedule/session-type-row';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { listSessionTypes } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Session types' };

export default async function ProviderSessionTypesPage() {
  const user = await requirePageRole('provider', '/provider/session-types');
  const [types, currency] = await Promise.all([listSessionTypes(user.id, { includeInactive: true }), getSetting('default_currency')]);
  return (
    <>
      <PageHeader title="Session types" description="The 1:1 sessions clients can book with you: length, price and an optional deposit." />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Your session types</CardTitle>
            <CardDescription>Deactivated types are hidden from clients; bookings already made keep their price.</CardDescription>
          </CardHeader>
          <CardContent>
            {types.length ? (
              <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
                {types.map((t) => (
                  <SessionTypeRow key={t.id} item={t} defaultCurrency={currency} />
                ))}
              </ul>
            ) : (
              <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-6 text-center text-sm text-muted-foreground">
                No session types yet. Create one to start taking 1:1 bookings.
              </p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New session type</CardTitle>
          </CardHeader>
          <CardContent>
            <SessionTypeForm defaultCurrency={currency} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
