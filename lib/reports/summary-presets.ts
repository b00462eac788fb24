/**
 * The analytics page's ranges, as days of the platform's zone: [from, to), to
 * the day after the last one, like GET /api/v1/reports/summary.
 */
import type { SummaryInterval } from './api-schemas';

export const summaryPresets = ['last_7_days', 'last_30_days', 'last_90_days', 'this_month', 'last_month'] as const;
export type SummaryPreset = (typeof summaryPresets)[number];

export const PRESET_LABELS: Record<SummaryPreset, string> = {
  last_7_days: 'Last 7 days',
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  this_month: 'This month',
  last_month: 'Last month',
};

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** "2027-03-05" moved by `n` days. */
export function addDaysTo(d: string, n: number): string {
  const at = day(d);
  at.setUTCDate(at.getUTCDate() + n);
  return iso(at);
}

/** The preset's days, `today` being today's date in the platform's zone; and the interval that reads best. */
export function presetRange(preset: SummaryPreset, today: string): { from: string; to: string; interval: SummaryInterval } {
  const t = day(today);
  const firstOfMonth = iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1)));
  switch (preset) {
    case 'last_7_days':
      return { from: addDaysTo(today, -6), to: addDaysTo(today, 1), interval: 'day' };
    case 'last_30_days':
      return { from: addDaysTo(today, -29), to: addDaysTo(today, 1), interval: 'day' };
    case 'last_90_days':
      return { from: addDaysTo(today, -89), to: addDaysTo(today, 1), interval: 'week' };
    case 'this_month':
      return { from: firstOfMonth, to: iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1))), interval: 'day' };
    case 'last_month':
      return { from: iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1))), to: firstOfMonth, interval: 'day' };
  }
}
