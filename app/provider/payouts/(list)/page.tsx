import type { Metadata } from 'next';
import { loadPage, Pagination } from '@/components/admin/pagination';
import { ConnectStatusCard } from '@/components/earnings/connect-status-card';
import { amountText } from '@/components/earnings/earning-lines-table';
import { currencyTotals } from '@/components/earnings/earnings-totals';
import { PayoutsTable } from '@/components/earnings/payouts-table';
import { PageHeader } from '@/components/page-header';
import { pageParam, singleParam, type SearchParams } from '@/components/search-params';
import { StatCards } from '@/components/stat-cards';
import { requirePageRole } from '@/lib/auth';
import { earningsTotals, listPayouts } from '@/lib/earnings';
import { connectStatus } from '@/lib/flows';

export const metadata: Metadata = { title: 'Payouts' };

const PAGE_SIZE = 20;

export default async function ProviderPayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', '/provider/payouts');
  const params = await searchParams;
  // Back from Stripe's onboarding: ask Stripe itself rather than wait for its account.updated webhook.
  const returning = singleParam(params, 'connect') === 'return';
  const [status, totals, payouts] = await Promise.all([
    connectStatus(provider, { refresh: returning }),
    earningsTotals(provider.id),
    loadPage((page) => listPayouts(provider, { page, pageSize: PAGE_SIZE }), pageParam(params), PAGE_SIZE),
  ]);

  return (
    <>
      <PageHeader title="Payouts" description="Your Stripe account, and the payouts of your available earnings to it." />
      <div className="flex flex-col gap-8">
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <ConnectStatusCard status={status} returning={returning} />
          <StatCards
            className="content-start"
            stats={currencyTotals(totals).map((t) => ({
              label: `Available for the next payout${totals.by_currency && totals.by_currency.length > 1 ? ` (${t.currency.toUpperCase()})` : ''}`,
              value: amountText(t.available),
              note: `${amountText(t.paid_out)} paid out so far.`,
            }))}
          />
        </div>
        <section className="flex flex-col gap-4" aria-labelledby="payouts-heading">
          <h2 id="payouts-heading" className="text-xl font-semibold">
            Payout history
          </h2>
          <PayoutsTable payouts={payouts.result.payouts} base="/provider/payouts" />
          {payouts.pageCount > 1 ? <Pagination basePath="/provider/payouts" query={{}} page={payouts.page} pageCount={payouts.pageCount} /> : null}
        </section>
      </div>
    </>
  );
}
