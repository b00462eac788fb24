import { z } from 'zod';
import { instantField } from '@/lib/fields';
import { earningLinesQuery } from '@/lib/earnings';

/** GET /api/v1/reports/transactions.csv: the range of ledger rows to export. */
export const transactionsExportQuery = z.strictObject({
  // On the ledger row's creation time, from inclusive, to exclusive; default the three years up to now, at most three years.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
});
export type TransactionsExportQuery = z.infer<typeof transactionsExportQuery>;

/** GET /api/v1/earnings/lines.csv: the lines filter of GET /api/v1/earnings/lines, without paging (the file has every line). */
export const earningLinesExportQuery = earningLinesQuery.omit({ page: true, page_size: true });
export type EarningLinesExportQuery = z.infer<typeof earningLinesExportQuery>;
