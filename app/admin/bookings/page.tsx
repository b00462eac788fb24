import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { AdminBookingsFilter, type AdminBookingFilterValues } from '@/components/bookings/admin-bookings-filter';
import { AdminBookingsTable } from '@/components/bookings/admin-bookings-table';
import { bookingStatuses } from '@/components/bookings/labels';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { type BookingFilters, listBookings } from '@/lib/bookings';
import { listUsers } from '@/lib/users';
import { DAY_MS } from '@/lib/time';

export const metadata: Metadata = { title: 'Bookings' };

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function utcDay(raw: string | undefined): Date | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Anything unexpected in the query string is ignored, so a hand-edited URL still shows a list. */
function parseFilters(params: SearchParams): { values: AdminBookingFilterValues; filters: Omit<BookingFilters, 'page' | 'pageSize'>; page: number } {
  const status = bookingStatuses.find((s) => s === singleParam(params, 'status'));
  const rawKind = singleParam(params, 'kind');
  const kind = rawKind === 'class' || rawKind === 'session' ? rawKind : undefined;
  const rawProvider = singleParam(params, 'provider');
  const provider = rawProvider && UUID.test(rawProvider) ? rawProvider : undefined;
  const from = utcDay(singleParam(params, 'from'));
  const toDay = utcDay(singleParam(params, 'to'));
  const search = singleParam(params, 'search')?.trim().slice(0, 100) || undefined;
  const rawPage = singleParam(params, 'page') ?? '';
  return {
    values: {
      status,
      kind,
      provider,
      from: from ? singleParam(params, 'from') : undefined,
      to: toDay ? singleParam(params, 'to') : undefined,
      search,
    },
    filters: { status, kind, providerId: provider, from, to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined, search, order: 'latest' },
    page: /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1,
  };
}

export default async function AdminBookingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/bookings');
  const { values, filters, page } = parseFilters(await searchParams);
  const [providers, first] = await Promise.all([
    listUsers({ role: 'provider', page: 1, pageSize: 200 }),
    listBookings(admin, { ...filters, page, pageSize: PAGE_SIZE }),
  ]);
  let result = first;
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  // A page past the end (a hand-edited URL, or fewer matches now) shows the last page instead.
  if (result.page > pageCount) result = await listBookings(admin, { ...filters, page: pageCount, pageSize: PAGE_SIZE });
  const query = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <PageHeader title="Bookings" description="Every class seat and 1:1 session, latest first." />
      <div className="flex flex-col gap-6">
        <AdminBookingsFilter values={values} providers={providers.users.map((p) => ({ id: p.id, name: p.name }))} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 booking' : `${result.total} bookings`}
          {filtered ? ' match your filters' : ''}
        </p>
        <AdminBookingsTable bookings={result.bookings} />
        <Pagination basePath="/admin/bookings" query={query} page={result.page} pageCount={pageCount} />
      </div>
    </>
  );
}
