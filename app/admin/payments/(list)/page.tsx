import type { Metadata } from 'next';
import { AdminListPage, commonListParams, loadListPage } from '@/components/admin/admin-list';
import { AdminPaymentsFilter } from '@/components/payments/admin-payments-filter';
import { AdminPaymentsTable } from '@/components/payments/admin-payments-table';
import { OwedRefunds } from '@/components/payments/refund-owed';
import { paymentStatuses } from '@/components/payments/labels';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listOwedRefunds, listPayments } from '@/lib/payments';
import { listUsers } from '@/lib/users';

export const metadata: Metadata = { title: 'Payments' };

const PAGE_SIZE = 20;

export default async function AdminPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/payments');
  const params = await searchParams;
  const common = commonListParams(params);
  const status = paymentStatuses.find((s) => s === singleParam(params, 'status'));
  const values = { status, ...common.values };
  const [providers, { result, pageCount }, owed] = await Promise.all([
    listUsers({ role: 'provider', page: 1, pageSize: 200 }),
    loadListPage((page) => listPayments(admin, { status, ...common.filters, page, pageSize: PAGE_SIZE }), common.page, PAGE_SIZE),
    listOwedRefunds(),
  ]);

  return (
    <AdminListPage
      title="Payments"
      description="Every card payment, newest first, with its fee split and refunds."
      filter={<AdminPaymentsFilter values={values} providers={providers.users.map((p) => ({ id: p.id, name: p.name }))} />}
      values={values}
      total={result.total}
      noun={['payment', 'payments']}
      page={result.page}
      pageCount={pageCount}
      basePath="/admin/payments"
    >
      <OwedRefunds owed={owed} />
      <AdminPaymentsTable payments={result.payments} />
    </AdminListPage>
  );
}
