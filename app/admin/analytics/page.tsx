import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { singleParam, type SearchParams } from '@/components/search-params';
import { SummaryCharts } from '@/components/reports/summary-charts';
import { PaidWithTable } from '@/components/reports/paid-with-table';
import { SummaryFiguresList } from '@/components/reports/summary-figures-list';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { isAppError } from '@/lib/errors';
import {
  addDaysTo,
  PRESET_LABELS,
  presetRange,
  reportSummary,
  SUMMARY_BASIS,
  SUMMARY_DEFINITIONS,
  summaryChartCsv,
  summaryChartFileName,
  summaryPresets,
  summaryQuery,
  summaryRange,
  type Summary,
  type SummaryChart,
  type SummaryFigure,
  type SummaryInterval,
  type SummaryPreset,
} from '@/lib/reports';
import { getSetting } from '@/lib/settings';
import { localDate } from '@/lib/time-format';

export const metadata: Metadata = { title: 'Analytics' };

const DEFAULT_PRESET: SummaryPreset = 'last_30_days';

interface Chosen {
  from: string;
  /** The last day, included (the API's `to` is the day after). */
  until: string;
  interval: SummaryInterval;
  preset: SummaryPreset | null;
  error: string | null;
}

/** ?preset=… or ?from=YYYY-MM-DD&until=YYYY-MM-DD&interval=…; anything else falls back to the last 30 days, saying why. */
function chosenRange(params: SearchParams, today: string): Chosen {
  const fallback = (error: string | null): Chosen => {
    const r = presetRange(DEFAULT_PRESET, today);
    return { from: r.from, until: addDaysTo(r.to, -1), interval: r.interval, preset: DEFAULT_PRESET, error };
  };
  const from = singleParam(params, 'from');
  const until = singleParam(params, 'until');
  if (from || until) {
    const parsed = summaryQuery.safeParse({ from: from ?? '', to: until ?? '', interval: singleParam(params, 'interval') || 'day' });
    if (!parsed.success) return fallback('Pick two real dates and an interval; showing the last 30 days instead.');
    const to = addDaysTo(parsed.data.to, 1);
    try {
      summaryRange(parsed.data.from, to);
    } catch (err) {
      if (isAppError(err)) return fallback(`${err.fields?.to?.[0] ?? err.message} Showing the last 30 days instead.`.replace('"to" must be after "from".', 'The last day must not be before the first.'));
      throw err;
    }
    return { from: parsed.data.from, until: parsed.data.to, interval: parsed.data.interval, preset: null, error: null };
  }
  const preset = summaryPresets.find((p) => p === singleParam(params, 'preset'));
  if (!preset) return fallback(null);
  const r = presetRange(preset, today);
  return { from: r.from, until: addDaysTo(r.to, -1), interval: r.interval, preset, error: null };
}

function csvLink(summary: Summary, currency: string, chart: SummaryChart) {
  return { href: `data:text/csv;charset=utf-8,${encodeURIComponent(summaryChartCsv(summary, currency, chart))}`, fileName: summaryChartFileName(summary, currency, chart) };
}

const linkClass = 'rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring';

export default async function AdminAnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/analytics');
  const params = await searchParams;
  const zone = await getSetting('platform_time_zone');
  const chosen = chosenRange(params, localDate(now(), zone));
  const summary = await reportSummary({ from: chosen.from, to: addDaysTo(chosen.until, 1), interval: chosen.interval });

  return (
    <>
      <PageHeader title="Analytics" description={`Money, payments, bookings, credits and clients, per currency. Days are days in ${zone}.`} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Range</CardTitle>
            <CardDescription>
              {chosen.from} to {chosen.until}, both included, by {chosen.interval}.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <nav aria-label="Preset ranges">
              <ul className="flex flex-wrap gap-2">
                {summaryPresets.map((p) => (
                  <li key={p}>
                    <Link
                      href={`/admin/analytics?preset=${p}`}
                      aria-current={chosen.preset === p ? 'page' : undefined}
                      className={`${linkClass} ${chosen.preset === p ? 'bg-primary text-primary-foreground' : 'border border-border bg-card hover:bg-muted'}`}
                    >
                      {PRESET_LABELS[p]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <form method="get" action="/admin/analytics" aria-label="Custom range" className="grid gap-3 sm:grid-cols-4">
              <FilterField id="analytics-from" label="First day">
                <Input id="analytics-from" name="from" type="date" required defaultValue={chosen.from} />
              </FilterField>
              <FilterField id="analytics-until" label="Last day (included)">
                <Input id="analytics-until" name="until" type="date" required defaultValue={chosen.until} />
              </FilterField>
              <FilterField id="analytics-interval" label="By">
                <NativeSelect id="analytics-interval" name="interval" defaultValue={chosen.interval}>
                  <option value="day">Day</option>
                  <option value="week">Week</option>
                  <option value="month">Month</option>
                </NativeSelect>
              </FilterField>
              <div className="flex items-end">
                <Button type="submit">Show</Button>
              </div>
            </form>
            {chosen.error ? <Alert variant="error">{chosen.error}</Alert> : null}
          </CardContent>
        </Card>

        {summary.totals.length === 0 ? (
          <Card data-testid="analytics-empty">
            <CardHeader>
              <CardTitle>Nothing in these days</CardTitle>
              <CardDescription>No payments, bookings, credits or new clients between {chosen.from} and {chosen.until}. Try a longer range.</CardDescription>
            </CardHeader>
          </Card>
        ) : (
          summary.totals.map((totals) => {
            const currency = totals.currency;
            return (
              <Card key={currency} data-testid={`analytics-${currency}`}>
                <CardHeader>
                  <CardTitle>{currency.toUpperCase()}</CardTitle>
                  <CardDescription>Every figure here is in {currency.toUpperCase()} only; other currencies have their own section.</CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-8">
                  <SummaryFiguresList figures={totals} />
                  <PaidWithTable rows={summary.by_payment_provider.filter((p) => p.currency === currency)} />
                  <SummaryCharts
                    currency={currency}
                    series={summary.series.filter((s) => s.currency === currency)}
                    providers={summary.by_provider
                      .filter((p) => p.currency === currency)
                      .map((p) => ({ key: p.provider_id ?? 'none', name: p.name, gross: p.gross, net: p.net, platform_fees: p.platform_fees }))}
                    csv={{ revenue: csvLink(summary, currency, 'revenue'), success: csvLink(summary, currency, 'success'), providers: csvLink(summary, currency, 'providers') }}
                  />
                </CardContent>
              </Card>
            );
          })
        )}

        <Card>
          <CardHeader>
            <CardTitle>How these figures are counted</CardTitle>
            <CardDescription>{SUMMARY_BASIS}</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {(Object.keys(SUMMARY_DEFINITIONS) as SummaryFigure[]).map((k) => (
                <div key={k}>
                  <dt className="font-mono text-xs font-medium">{k}</dt>
                  <dd className="text-muted-foreground">{SUMMARY_DEFINITIONS[k]}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
