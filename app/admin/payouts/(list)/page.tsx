import type { Metadata } from 'next';
import { loadPage, Pagination } from '@/components/admin/pagination';
import { PayAllDialog, PayoutCandidatesTable } from '@/components/earnings/payout-candidates';
import { PayoutsTable } from '@/components/earnings/payouts-table';
import { PageHeader } from '@/components/page-header';
import { pageParam, singleParam, type SearchParams } from '@/components/search-params';
import { Alert } from '@/components/ui/alert';
import { requirePageRole } from '@/lib/auth';
import { listPayouts, payoutCandidates } from '@/lib/earnings';

export const metadata: Metadata = { title: 'Payouts' };

const PAGE_SIZE = 20;

export default async function AdminPayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const admin = await requirePageRole('admin', '/admin/payouts');
  const params = await searchParams;
  const [candidates, history] = await Promise.all([
    payoutCandidates(),
    loadPage((page) => listPayouts(admin, { page, pageSize: PAGE_SIZE }), pageParam(params), PAGE_SIZE),
  ]);
  const paid = Number(singleParam(params, 'paid') ?? '');

  return (
    <>
      <PageHeader
        title="Payouts"
        description="Pay practitioners their available earnings: by Stripe transfer to their connected account, or record a bank transfer made by hand."
        actions={<PayAllDialog candidates={candidates} />}
      />
      <div className="flex flex-col gap-8">
        {Number.isInteger(paid) && paid > 0 ? <Alert role="status">{paid === 1 ? '1 payout made.' : `${paid} payouts made.`} Their statements are in the history below.</Alert> : null}
        <section className="flex flex-col gap-4" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading" className="text-xl font-semibold">
            To pay
          </h2>
          <PayoutCandidatesTable candidates={candidates} />
        </section>
        <section className="flex flex-col gap-4" aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-xl font-semibold">
            History
          </h2>
          <PayoutsTable payouts={history.result.payouts} base="/admin/payouts" showProvider />
          {history.pageCount > 1 ? <Pagination basePath="/admin/payouts" query={{}} page={history.page} pageCount={history.pageCount} /> : null}
        </section>
      </div>
    </>
  );
}
