import type { Metadata } from 'next';
import { AdminListPage, commonListParams, loadListPage } from '@/components/admin/admin-list';
import { AdminBookingsFilter } from '@/components/bookings/admin-bookings-filter';
import { AdminBookingsTable } from '@/components/bookings/admin-bookings-table';
import { bookingStatuses } from '@/components/bookings/labels';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listBookings } from '@/lib/bookings';
import { listUsers } from '@/lib/users';

export const metadata: Metadata = { title: 'Bookings' };

const PAGE_SIZE = 20;

export default async function AdminBookingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/bookings');
  const params = await searchParams;
  const common = commonListParams(params);
  const status = bookingStatuses.find((s) => s === singleParam(params, 'status'));
  const rawKind = singleParam(params, 'kind');
  const kind = rawKind === 'class' || rawKind === 'session' ? rawKind : undefined;
  const values = { status, kind, ...common.values };
  const [providers, { result, pageCount }] = await Promise.all([
    listUsers({ role: 'provider', page: 1, pageSize: 200 }),
    loadListPage((page) => listBookings(admin, { status, kind, ...common.filters, order: 'latest', page, pageSize: PAGE_SIZE }), common.page, PAGE_SIZE),
  ]);

  return (
    <AdminListPage
      title="Bookings"
      description="Every class seat and 1:1 session, latest first."
      filter={<AdminBookingsFilter values={values} providers={providers.users.map((p) => ({ id: p.id, name: p.name }))} />}
      values={values}
      total={result.total}
      noun={['booking', 'bookings']}
      page={result.page}
      pageCount={pageCount}
      basePath="/admin/bookings"
    >
      <AdminBookingsTable bookings={result.bookings} />
    </AdminListPage>
  );
}
