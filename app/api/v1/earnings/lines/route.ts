import { earningLinesQuery, earningsOwner, listEarningLines, type EarningState } from '@/lib/earnings';
import { parseQuery } from '@/lib/fields';
import { apiRoute } from '@/lib/http';

// GET /api/v1/earnings/lines?state&from&to&page&page_size -> {lines, total, page, page_size}, newest first.
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const q = parseQuery(request, earningLinesQuery);
  return listEarningLines(earningsOwner(user, q.provider_id), { state: q.state as EarningState | undefined, from: q.from, to: q.to, page: q.page, pageSize: q.page_size });
});
