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
