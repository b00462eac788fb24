import { z } from 'zod';
import { instantField } from '@/lib/fields';

/** GET /api/v1/reports/transactions.csv: the range of ledger rows to export. */
export const transactionsExportQuery = z.strictObject({
  // On the ledger row's creation time, from inclusive, to exclusive; default the three years up to now, at most three years.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
});
export type TransactionsExportQuery = z.infer<typeof transactionsExportQuery>;
