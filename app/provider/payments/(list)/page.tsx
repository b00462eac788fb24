import { Wallet } from 'lucide-react';
import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageHeader } from '@/components/page-header';
import { ProviderPaymentTotals, ProviderPaymentsTable } from '@/components/payments/provider-payments';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { paymentNames } from '@/lib/flows';
import { listPayments, providerPaymentTotals } from '@/lib/payments';

export const metadata: Metadata = { title: 'Payments received' };

const PAGE_SIZE = 20;

export default async function ProviderPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', '/provider/payments');
  const rawPage = singleParam(await searchParams, 'page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const [totals, first] = await Promise.all([providerPaymentTotals(provider), listPayments(provider, { page, pageSize: PAGE_SIZE })]);
  let result = first;
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (result.page > pageCount) result = await listPayments(provider, { page: pageCount, pageSize: PAGE_SIZE });
  const names = await paymentNames(result.payments);

  return (
    <>
      <PageHeader title="Payments received" description="What clients paid for your sessions and classes, the platform’s fee and your share." />
      <div className="flex flex-col gap-6">
        <ProviderPaymentTotals totals={totals} />
        {result.total === 0 ? (
          <EmptyStateCard icon={<Wallet aria-hidden="true" />} title="No payments yet" description="Card payments for your bookings appear here once clients pay.">
            Nothing received yet.
          </EmptyStateCard>
        ) : (
          <>
            <ProviderPaymentsTable payments={result.payments} names={names} />
            {pageCount > 1 ? <Pagination basePath="/provider/payments" query={{}} page={result.page} pageCount={pageCount} /> : null}
          </>
        )}
      </div>
    </>
  );
}
