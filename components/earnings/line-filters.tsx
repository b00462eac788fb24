import { Download } from 'lucide-react';
import Link from 'next/link';
import { pageParam, singleParam, type SearchParams } from '@/components/search-params';
import { Button } from '@/components/ui/button';
import { FilterField } from '@/components/ui/filter-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';
import { EARNING_STATES, type EarningState } from '@/lib/earnings';
import { utcDayStart } from '@/lib/export-range';
import { DAY_MS } from '@/lib/time';
import { earningStateLabel } from './labels';

export const EARNING_LINES_CSV_PATH = '/api/v1/earnings/lines.csv';

export interface LineFilters {
  /** What the form shows, and what page links keep. */
  values: { state?: EarningState; from?: string; to?: string };
  /** For listEarningLines: `to` is the end of the last day asked for. */
  query: { state?: EarningState; from?: Date; to?: Date };
  page: number;
  /** The same filters as a download of every matching line. */
  csvHref: string;
}

/** The lines filter from the URL (UTC days, `to` included); anything malformed is ignored, so a hand-edited URL still shows a list. */
export function parseLineFilters(params: SearchParams): LineFilters {
  const state = EARNING_STATES.find((s) => s === singleParam(params, 'state'));
  const fromDay = singleParam(params, 'from') ?? '';
  const toDay = singleParam(params, 'to') ?? '';
  const from = utcDayStart(fromDay) ?? undefined;
  const lastDay = utcDayStart(toDay);
  const to = lastDay ? new Date(lastDay.getTime() + DAY_MS) : undefined;
  const csv = new URLSearchParams();
  if (state) csv.set('state', state);
  if (from) csv.set('from', from.toISOString());
  if (to) csv.set('to', to.toISOString());
  const qs = csv.toString();
  return {
    values: { state, from: from ? fromDay : undefined, to: to ? toDay : undefined },
    query: { state, from, to },
    page: pageParam(params),
    csvHref: qs ? `${EARNING_LINES_CSV_PATH}?${qs}` : EARNING_LINES_CSV_PATH,
  };
}

/** A plain GET form over the lines (state and UTC days), and the CSV of what it shows. */
export function EarningLinesFilter({ action, filters }: { action: string; filters: LineFilters }) {
  const { values } = filters;
  const any = Object.values(values).some(Boolean);
  return (
    <form method="get" action={action} role="search" aria-label="Filter earnings" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <FilterField id="lines-state" label="State">
        <NativeSelect id="lines-state" name="state" defaultValue={values.state ?? ''}>
          <option value="">Any state</option>
          {EARNING_STATES.map((s) => (
            <option key={s} value={s}>
              {earningStateLabel[s]}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterField id="lines-from" label="From (UTC date)">
        <Input id="lines-from" name="from" type="date" defaultValue={values.from} />
      </FilterField>
      <FilterField id="lines-to" label="To (UTC date, inclusive)">
        <Input id="lines-to" name="to" type="date" defaultValue={values.to} />
      </FilterField>
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">Filter</Button>
        {any ? (
          <Button asChild variant="ghost">
            <Link href={action}>Clear</Link>
          </Button>
        ) : null}
        <Button asChild variant="outline">
          {/* A plain link, not next/link: this is a file, not a page. */}
          <a href={filters.csvHref}>
            <Download aria-hidden="true" />
            Download CSV
          </a>
        </Button>
      </div>
    </form>
  );
}
