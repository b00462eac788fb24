import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { BookingsToReview } from '@/components/admin/bookings-to-review';
import { UsersFilter } from '@/components/admin/users-filter';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { type UserRole, listUsers } from '@/lib/users';
import { requirePageRole, roleLabels } from '@/lib/auth';
import { upcomingBookingsOf } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Users' };

const PAGE_SIZE = 20;
const ROLES: readonly UserRole[] = ['client', 'provider', 'admin'];

/** Anything unexpected in the query string falls back to the default view. */
function parseFilters(params: SearchParams): { page: number; role?: UserRole; search?: string } {
  const rawPage = singleParam(params, 'page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const rawRole = singleParam(params, 'role');
  const role = ROLES.find((r) => r === rawRole);
  const search = singleParam(params, 'search')?.trim().slice(0, 100) || undefined;
  return { page, role, search };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/users');
  const filters = parseFilters(await searchParams);
  let result = await listUsers({ ...filters, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  // A page past the end (users removed, or a hand-edited URL) shows the last page instead.
  if (result.page > pageCount) result = await listUsers({ ...filters, page: pageCount, pageSize: PAGE_SIZE });
  const labels = roleLabels(await getSetting('provider_label'));
  const at = now();
  const review = (
    await Promise.all(result.users.filter((u) => !u.active && !u.deleted).map(async (u) => ({ user: u, bookings: await upcomingBookingsOf(u.id, at) })))
  ).filter((g) => g.bookings.length);
  const filterQuery: Record<string, string> = {};
  if (filters.search) filterQuery.search = filters.search;
  if (filters.role) filterQuery.role = filters.role;

  return (
    <>
      <PageHeader title="Users" description="Everyone with an account: clients, practitioners and admins. Change a role, rename, deactivate or reactivate; every change is audited." />
      <div className="flex flex-col gap-6">
        <UsersFilter search={filters.search} role={filters.role} labels={labels} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 user' : `${result.total} users`}
          {filters.search || filters.role ? (result.total === 1 ? ' matches your filters' : ' match your filters') : ''}
        </p>
        <UsersTable users={result.users} currentUserId={admin.id} labels={labels} />
        <Pagination basePath="/admin/users" query={filterQuery} page={result.page} pageCount={pageCount} />
        <BookingsToReview groups={review} />
      </div>
    </>
  );
}
