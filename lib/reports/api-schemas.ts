import { z } from 'zod';
import type { EarningState } from '@/lib/earnings';
import { instantField, uuidField } from '@/lib/fields';

/** GET /api/v1/reports/transactions.csv: the range of ledger rows to export. */
export const transactionsExportQuery = z.strictObject({
  // On the ledger row's creation time, from inclusive, to exclusive; default the three years up to now, at most three years.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
});
export type TransactionsExportQuery = z.infer<typeof transactionsExportQuery>;

const earningStates = ['pending', 'available', 'paid_out', 'reversed'] as const satisfies readonly EarningState[];

/** GET /api/v1/earnings/lines.csv: the lines filter of GET /api/v1/earnings/lines, without paging (the file has every line). */
export const earningLinesExportQuery = z.strictObject({
  // Admins: whose lines; a provider always gets their own.
  provider_id: uuidField('provider_id').optional(),
  state: z.enum(earningStates, { message: `state is one of ${earningStates.join(', ')}.` }).optional(),
  // On the line's creation time, from inclusive, to exclusive.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
});
export type EarningLinesExportQuery = z.infer<typeof earningLinesExportQuery>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day "2027-03-01" (a day of the platform's zone); a real date. */
const dayField = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2027-03-01.` })
    .regex(DATE_RE, `${label} must be a date like 2027-03-01.`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `${label} is not a real date.`);

export const summaryIntervals = ['day', 'week', 'month'] as const;
export type SummaryInterval = (typeof summaryIntervals)[number];

/** GET /api/v1/reports/summary: the days to sum up and how to cut them. */
export const summaryQuery = z.strictObject({
  // Days of the platform's zone: from included, to excluded (to = the day after the last one).
  from: dayField('from'),
  to: dayField('to'),
  interval: z.enum(summaryIntervals, { message: `interval is one of ${summaryIntervals.join(', ')}.` }).default('day'),
  // Only this provider's payments, bookings and credit uses.
  provider_id: uuidField('provider_id').optional(),
  // Only this currency (ISO code, lower case).
  currency: z
    .string()
    .regex(/^[a-z]{3}$/, 'currency must be a three-letter ISO code in lower case, like gbp.')
    .optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;
