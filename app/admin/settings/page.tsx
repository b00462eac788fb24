import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/settings-form';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { listSettings } from '@/lib/settings';

export const metadata: Metadata = { title: 'Settings' };

export default async function AdminSettingsPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/settings');
  const settings = await listSettings();
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'].sort();
  return (
    <>
      <PageHeader title="Settings" description="How the practice runs: fees, holds, cancellations, reminders, payouts and more. Every change is audited." />
      <div className="flex flex-col gap-6">
        <Alert>
          A change applies to new bookings and payments only. Fees and provider shares already stored on a payment, holds already running and prices already set
          never change.
        </Alert>
        <Card>
          <CardContent className="pt-6">
            <SettingsForm settings={settings} zones={zones} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
