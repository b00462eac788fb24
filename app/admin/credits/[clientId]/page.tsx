import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdjustCreditForm } from '@/components/credits/adjust-credit-form';
import { CreditSummary } from '@/components/credits/credit-summary';
import { GrantCreditForm } from '@/components/credits/grant-credit-form';
import { PageHeader } from '@/components/page-header';
import { EmptyTable } from '@/components/payments/empty-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { findActiveUser, requirePageRole } from '@/lib/auth';
import { creditHistory, creditsOfClient } from '@/lib/credits';
import { listPackages } from '@/lib/packages';

export const metadata: Metadata = { title: 'Client credits' };

export default async function AdminClientCreditsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', `/admin/credits/${encodeURIComponent(clientId)}`);
  const client = await findActiveUser(clientId);
  if (!client || client.role !== 'client') notFound();
  const { total_credits, credits } = await creditsOfClient(client.id);
  const [history, packages] = await Promise.all([creditHistory(credits.map((c) => c.id)), listPackages({ includeRetired: true })]);

  return (
    <>
      <PageHeader
        title={`Credits of ${client.name}`}
        description={
          <>
            <span className="break-all">{client.email}</span> · <span data-testid="credits-total">{total_credits}</span> usable {total_credits === 1 ? 'class' : 'classes'}
          </>
        }
        actions={
          <Link href="/admin/credits" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            All clients with credits
          </Link>
        }
      />
      <div className="grid gap-6 2xl:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 2xl:col-span-2">
          {credits.length === 0 ? <EmptyTable>{client.name} has no credits yet. Grant some with the form.</EmptyTable> : null}
          {credits.map((c) => (
            <CreditSummary key={c.id} credit={c} entries={history.filter((e) => e.credit_id === c.id)} bookingPath="/admin/bookings" showActor>
              <AdjustCreditForm creditId={c.id} creditName={c.package_name} clientName={client.name} />
            </CreditSummary>
          ))}
        </div>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>Grant credits</CardTitle>
            <CardDescription>A complimentary credit: nothing is charged, and no practitioner earns from it.</CardDescription>
          </CardHeader>
          <CardContent>
            <GrantCreditForm clientId={client.id} packages={packages.map((p) => ({ id: p.id, name: p.active ? p.name : `${p.name} (retired)` }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
