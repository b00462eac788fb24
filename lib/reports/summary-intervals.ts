import type { SummaryInterval } from './api-schemas';

export const dayOf = (d: string) => new Date(`${d}T00:00:00Z`);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of each interval of [from, to): weeks start on Monday, months on the 1st; the first is cut to `from`. */
export function intervalStarts(from: string, to: string, interval: SummaryInterval): string[] {
  const out: string[] = [];
  const end = dayOf(to).getTime();
  let at = dayOf(from);
  while (at.getTime() < end) {
    out.push(isoDay(at));
    const next = new Date(at);
    if (interval === 'day') next.setUTCDate(next.getUTCDate() + 1);
    else if (interval === 'week') next.setUTCDate(next.getUTCDate() + (7 - ((next.getUTCDay() + 6) % 7)));
    else next.setUTCMonth(next.getUTCMonth() + 1, 1);
    at = next;
  }
  return out;
}

