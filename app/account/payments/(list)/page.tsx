import { CreditCard } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageHeader } from '@/components/page-header';
import { ClientPaymentsTable } from '@/components/payments/client-payments-table';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listPayments } from '@/lib/payments';

export const metadata: Metadata = { title: 'Payments' };

const PAGE_SIZE = 20;

export default async function AccountPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const client = await requirePageRole('client', '/account/payments');
  const rawPage = singleParam(await searchParams, 'page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  let result = await listPayments(client, { page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (result.page > pageCount) result = await listPayments(client, { page: pageCount, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader title="Payments" description="Your card payments and receipts, newest first." />
      {result.total === 0 ? (
        <EmptyStateCard icon={<CreditCard aria-hidden="true" />} title="No payments yet" description="When you pay for a booking by card, the payment and its receipt appear here.">
          <Link href="/schedule" className="font-medium text-primary underline-offset-4 hover:underline">
            Find a class or session
          </Link>
        </EmptyStateCard>
      ) : (
        <div className="flex flex-col gap-6">
          <ClientPaymentsTable payments={result.payments} />
          {pageCount > 1 ? <Pagination basePath="/account/payments" query={{}} page={result.page} pageCount={pageCount} /> : null}
        </div>
      )}
    </>
  );
}
