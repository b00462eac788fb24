import type { ReactNode } from 'react';
import { Pagination } from '@/components/admin/pagination';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { DAY_MS } from '@/lib/time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function utcDay(raw: string | undefined): Date | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The filters every admin list shares, read from the query string: a
 * practitioner, a day range (to is inclusive: the filter ends the day after),
 * a search text and the page. Anything unexpected is ignored, so a
 * hand-edited URL still shows a list.
 */
export function commonListParams(params: SearchParams) {
  const rawProvider = singleParam(params, 'provider');
  const provider = rawProvider && UUID.test(rawProvider) ? rawProvider : undefined;
  const from = utcDay(singleParam(params, 'from'));
  const toDay = utcDay(singleParam(params, 'to'));
  const search = singleParam(params, 'search')?.trim().slice(0, 100) || undefined;
  const rawPage = singleParam(params, 'page') ?? '';
  return {
    values: { provider, from: from ? singleParam(params, 'from') : undefined, to: toDay ? singleParam(params, 'to') : undefined, search },
    filters: { providerId: provider, from, to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined, search },
    page: /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1,
  };
}

/** One page of a list; a page past the end (a hand-edited URL, or fewer matches now) loads the last page instead. */
export async function loadListPage<R extends { page: number; total: number }>(load: (page: number) => Promise<R>, page: number, pageSize: number): Promise<{ result: R; pageCount: number }> {
  const first = await load(page);
  const pageCount = Math.max(1, Math.ceil(first.total / pageSize));
  return { result: first.page > pageCount ? await load(pageCount) : first, pageCount };
}

/** An admin list: its header, filter form, how many match, the table and the pages; `values` are the filters in the URL. */
export function AdminListPage({
  title,
  description,
  filter,
  values,
  total,
  noun,
  page,
  pageCount,
  basePath,
  children,
}: {
  title: string;
  description: string;
  filter: ReactNode;
  values: Record<string, string | undefined>;
  total: number;
  noun: [one: string, many: string];
  page: number;
  pageCount: number;
  basePath: string;
  children: ReactNode;
}) {
  const query = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const filtered = Object.keys(query).length > 0;
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="flex flex-col gap-6">
        {filter}
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {total === 1 ? `1 ${noun[0]}` : `${total} ${noun[1]}`}
          {filtered ? ' match your filters' : ''}
        </p>
        {children}
        <Pagination basePath={basePath} query={query} page={page} pageCount={pageCount} />
      </div>
    </>
  );
}
