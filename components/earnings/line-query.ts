import { pageParam, singleParam, type SearchParams } from '@/components/search-params';
import { EARNING_STATES, type EarningState } from '@/lib/earnings';
import { utcDayStart } from '@/lib/export-range';
import { DAY_MS } from '@/lib/time';

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
