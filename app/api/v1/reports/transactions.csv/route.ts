import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { csvResponse, transactionsExportQuery, exportFileName, exportRange, transactionsCsv } from '@/lib/reports';

// GET /api/v1/reports/transactions.csv?from&to -> every ledger row in the range, oldest first, streamed as CSV (admins).
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const query = parseQuery(request, transactionsExportQuery);
  const range = exportRange(query.from, query.to);
  const body = await transactionsCsv(range, request.signal);
  return csvResponse(body, exportFileName(range));
});
