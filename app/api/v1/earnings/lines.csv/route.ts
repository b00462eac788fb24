import { apiRoute } from '@/lib/http';
import { earningsOwner } from '@/lib/earnings';
import { parseQuery } from '@/lib/fields';
import { csvResponse, earningLinesCsv, earningLinesExportQuery, earningLinesFileName } from '@/lib/reports';

// GET /api/v1/earnings/lines.csv?state&from&to -> the provider's own earning lines, streamed as CSV; admins name the provider with ?provider_id.
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const query = parseQuery(request, earningLinesExportQuery);
  const providerId = earningsOwner(user, query.provider_id);
  const range = { from: query.from, to: query.to };
  const body = await earningLinesCsv({ providerId, state: query.state, ...range }, request.signal);
  return csvResponse(body, earningLinesFileName(range));
});
