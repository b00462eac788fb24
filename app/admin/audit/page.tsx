import type { Metadata } from 'next';
import { AdminListPage, commonListParams, loadListPage } from '@/components/admin/admin-list';
import { AuditFilter, AuditTable, auditCategories } from '@/components/admin/audit-table';
import { singleParam, type SearchParams } from '@/components/search-params';
import { listAudit } from '@/lib/audit';
import { requirePageRole } from '@/lib/auth';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 25;

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/audit');
  const params = await searchParams;
  const common = commonListParams(params);
  const action = auditCategories.find((c) => c.value === singleParam(params, 'action'))?.value;
  const values = { action, from: common.values.from, to: common.values.to };
  const { result, pageCount } = await loadListPage(
    (page) => listAudit({ action, from: common.filters.from, to: common.filters.to, page, pageSize: PAGE_SIZE }),
    common.page,
    PAGE_SIZE,
  );
  return (
    <AdminListPage
      title="Audit log"
      description="Every change to money, access or settings, newest first: who made it, when, and what it was before and after. Entries are never changed or removed."
      filter={<AuditFilter values={values} />}
      values={values}
      total={result.total}
      noun={['entry', 'entries']}
      page={result.page}
      pageCount={pageCount}
      basePath="/admin/audit"
    >
      <AuditTable entries={result.entries} />
    </AdminListPage>
  );
}
