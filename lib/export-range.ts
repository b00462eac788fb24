/**
 * The transactions export's range rules, shared by the API route and the
 * admin page's form (which picks whole UTC days).
 */
import { DAY_MS } from '@/lib/time';

export const TRANSACTIONS_CSV_PATH = '/api/v1/reports/transactions.csv';
/** Three years, counting one leap day. */
export const MAX_EXPORT_RANGE_DAYS = 3 * 365 + 1;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** "2027-03-05" as the instant that UTC day starts, or null when it is not a real date. */
export function utcDayStart(day: string): Date | null {
  if (!DAY_RE.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** The current UTC month as first and last day ("2027-03-01", "2027-03-31"). */
export function currentMonthDays(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export type ExportLink = { ok: true; href: string } | { ok: false; message: string };

/** The download URL for the UTC days `from` to `to`, both included. */
export function transactionsCsvLink(fromDay: string, toDay: string): ExportLink {
  const from = utcDayStart(fromDay);
  const lastDay = utcDayStart(toDay);
  if (!from || !lastDay) return { ok: false, message: 'Pick both dates.' };
  const to = new Date(lastDay.getTime() + DAY_MS);
  if (to.getTime() <= from.getTime()) return { ok: false, message: 'The end date must not be before the start date.' };
  if (to.getTime() - from.getTime() > MAX_EXPORT_RANGE_DAYS * DAY_MS) return { ok: false, message: 'Export at most three years at a time.' };
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return { ok: true, href: `${TRANSACTIONS_CSV_PATH}?${query.toString()}` };
}
