import type { Metadata } from 'next';
import { loadPage, Pagination } from '@/components/admin/pagination';
import { EarningLinesTable } from '@/components/earnings/earning-lines-table';
import { EarningsTotals } from '@/components/earnings/earnings-totals';
import { EarningLinesFilter } from '@/components/earnings/line-filters';
import { parseLineFilters } from '@/components/earnings/line-query';
import { WeeklyNetChart } from '@/components/earnings/weekly-net-chart';
import { PageHeader } from '@/components/page-header';
import type { SearchParams } from '@/components/search-params';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { earningsTotals, listEarningLines, weeklyNet } from '@/lib/earnings';

export const metadata: Metadata = { title: 'Earnings' };

const PAGE_SIZE = 25;
const CHART_WEEKS = 12;

export default async function ProviderEarningsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  const provider = await requirePageRole('provider', '/provider/earnings');
  const filters = parseLineFilters(await searchParams);
  const [totals, weeks, lines] = await Promise.all([
    earningsTotals(provider.id),
    weeklyNet(provider.id, CHART_WEEKS),
    loadPage((page) => listEarningLines(provider.id, { ...filters.query, page, pageSize: PAGE_SIZE }), filters.page, PAGE_SIZE),
  ]);
  const query = Object.fromEntries(Object.entries(filters.values).filter((e): e is [string, string] => typeof e[1] === 'string'));

  return (
    <>
      <PageHeader title="Earnings" description="What you earn after the platform fee: pending until the session is delivered, then available, then paid out." />
      <div className="flex flex-col gap-8">
        <EarningsTotals totals={totals} />
        <Card>
          <CardHeader>
            <CardTitle>Net per week</CardTitle>
            <CardDescription>The last {CHART_WEEKS} weeks, by the week each earning was made (Mondays).</CardDescription>
          </CardHeader>
          <CardContent>
            <WeeklyNetChart weeks={weeks} />
          </CardContent>
        </Card>
        <section className="flex flex-col gap-4" aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="text-xl font-semibold">
            Lines
          </h2>
          <EarningLinesFilter action="/provider/earnings" filters={filters} />
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {lines.result.total === 1 ? '1 line' : `${lines.result.total} lines`}
            {Object.keys(query).length ? ' match your filters' : ''}
          </p>
          <EarningLinesTable lines={lines.result.lines} payoutBase="/provider/payouts" empty="No earnings match. They appear once clients pay for your sessions." />
          {lines.pageCount > 1 ? <Pagination basePath="/provider/earnings" query={query} page={lines.page} pageCount={lines.pageCount} /> : null}
        </section>
      </div>
    </>
  );
}
