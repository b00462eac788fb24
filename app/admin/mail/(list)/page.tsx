import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { AdminMailFilter, type AdminMailFilterValues } from '@/components/mail/admin-mail-filter';
import { AdminMailTable } from '@/components/mail/admin-mail-table';
import { outboxStates } from '@/components/mail/labels';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listMessages, type ListMessagesQuery } from '@/lib/mail';

export const metadata: Metadata = { title: 'Mail' };

const PAGE_SIZE = 25;

/** Anything unexpected in the query string is ignored, so a hand-edited URL still shows a list. */
function parseFilters(params: SearchParams): { values: AdminMailFilterValues; query: Omit<ListMessagesQuery, 'page' | 'page_size'>; page: number } {
  const state = outboxStates.find((s) => s === singleParam(params, 'state'));
  const recipient = singleParam(params, 'recipient')?.trim().slice(0, 200) || undefined;
  const rawPage = singleParam(params, 'page') ?? '';
  return {
    values: { state, recipient },
    query: { state, recipient },
    page: /^[1-9]\d{0,4}$/.test(rawPage) ? Number(rawPage) : 1,
  };
}

export default async function AdminMailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/mail');
  const { values, query, page } = parseFilters(await searchParams);
  let result = await listMessages({ ...query, page, page_size: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  // A page past the end (a hand-edited URL, or fewer matches now) shows the last page instead.
  if (result.page > pageCount) result = await listMessages({ ...query, page: pageCount, page_size: PAGE_SIZE });
  const kept = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const filtered = Object.keys(kept).length > 0;

  return (
    <>
      <PageHeader title="Mail" description="The outbox: every e-mail the app has queued, newest first, with its delivery state." />
      <div className="flex flex-col gap-6">
        <AdminMailFilter values={values} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 message' : `${result.total} messages`}
          {filtered ? ' match your filters' : ''}
        </p>
        <AdminMailTable messages={result.messages} />
        <Pagination basePath="/admin/mail" query={kept} page={result.page} pageCount={pageCount} />
      </div>
    </>
  );
}
