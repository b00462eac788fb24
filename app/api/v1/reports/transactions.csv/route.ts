import { z } from 'zod';
import { apiRoute } from '@/lib/http/api';
import { instantField, parseQuery } from '@/lib/http/fields';
import { exportFileName, exportRange, transactionsCsv } from '@/lib/reports/transactions-csv';

const exportQuery = z.strictObject({
  // On the ledger row's creation time, from inclusive, to exclusive; default the three years up to now, at most three years.
  from: instantField('from').optional(),
  to: instantField('to').optional(),
});
export type TransactionsExportQuery = z.infer<typeof exportQuery>;

// GET /api/v1/reports/transactions.csv?from&to -> every ledger row in the range, oldest first, streamed as CSV (admins).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const query = parseQuery(request, exportQuery);
  const range = exportRange(query.from, query.to);
  const body = await transactionsCsv(range, request.signal);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(range)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
