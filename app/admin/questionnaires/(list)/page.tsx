import type { Metadata } from 'next';
import { Pagination } from '@/components/admin/pagination';
import { PageHeader } from '@/components/page-header';
import { QuestionnairesTable } from '@/components/questionnaire/questionnaires-table';
import { singleParam, type SearchParams } from '@/components/search-params';
import { requirePageRole } from '@/lib/auth';
import { listQuestionnaires } from '@/lib/questionnaire';

export const metadata: Metadata = { title: 'Questionnaires' };

const PAGE_SIZE = 20;

export default async function AdminQuestionnairesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/questionnaires');
  const rawPage = singleParam(await searchParams, 'page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  let result = await listQuestionnaires(admin, { state: 'needs_clearance', page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (result.page > pageCount) result = await listQuestionnaires(admin, { state: 'needs_clearance', page: pageCount, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Health questionnaires with a “yes” to a medical question. The client can book once one is cleared."
      />
      <div className="flex flex-col gap-6">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 questionnaire awaits clearance' : `${result.total} questionnaires await clearance`}
        </p>
        <QuestionnairesTable items={result.questionnaires} reviewHref={(id) => `/admin/questionnaires/${id}`} />
        <Pagination basePath="/admin/questionnaires" query={{}} page={result.page} pageCount={pageCount} />
      </div>
    </>
  );
}
