import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { AdminPaymentsFilter, type AdminPaymentFilterValues } from '@/components/payments/admin-payments-filter';
import { AdminPaymentsTable } from '@/components/payments/admin-payments-table';
import { paymentStatuses } from '@/components/payments/labels';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listPayments, type PaymentFilters } from '@/lib/payments';
import { listUsers } from '@/lib/users';
import { DAY_MS } from '@/lib/time';

export const metadata: Metadata = { title: 'Payments' };

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function utcDay(raw: string | undefined): Date | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Anything unexpected in the query string is ignored, so a hand-edited URL still shows a list. */
function parseFilters(params: SearchParams): { values: AdminPaymentFilterValues; filters: Omit<PaymentFilters, 'page' | 'pageSize'>; page: number } {
  const status = paymentStatuses.find((s) => s === singleParam(params, 'status'));
  const rawProvider = singleParam(params, 'provider');
  const provider = rawProvider && UUID.test(rawProvider) ? rawProvider : undefined;
  const from = utcDay(singleParam(params, 'from'));
  const toDay = utcDay(singleParam(params, 'to'));
  const search = singleParam(params, 'search')?.trim().slice(0, 100) || undefined;
  const rawPage = singleParam(params, 'page') ?? '';
  return {
    values: { status, provider, from: from ? singleParam(params, 'from') : undefined, to: toDay ? singleParam(params, 'to') : undefined, search },
    filters: { status, providerId: provider, from, to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined, search },
    page: /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1,
  };
}

export default async function AdminPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/payments');
  const { values, filters, page } = parseFilters(await searchParams);
  const [providers, first] = await Promise.all([
    listUsers({ role: 'provider', page: 1, pageSize: 200 }),
    listPayments(admin, { ...filters, page, pageSize: PAGE_SIZE }),
  ]);
  let result = first;
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  // A page past the end (a hand-edited URL, or fewer matches now) shows the last page instead.
  if (result.page > pageCount) result = await listPayments(admin, { ...filters, page: pageCount, pageSize: PAGE_SIZE });
  const query = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <PageHeader title="Payments" description="Every card payment, newest first, with its fee split and refunds." />
      <div className="flex flex-col gap-6">
        <AdminPaymentsFilter values={values} providers={providers.users.map((p) => ({ id: p.id, name: p.name }))} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 payment' : `${result.total} payments`}
          {filtered ? ' match your filters' : ''}
        </p>
        <AdminPaymentsTable payments={result.payments} />
        <Pagination basePath="/admin/payments" query={query} page={result.page} pageCount={pageCount} />
      </div>
    </>
  );
}
