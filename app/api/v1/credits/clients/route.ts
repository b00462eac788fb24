import { listCreditClientsQuery, clientsWithCredits } from '@/lib/credits';
import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';

// GET /api/v1/credits/clients?search&page&page_size (admin) -> {clients, total, page, page_size}: clients holding credits, latest activity first.
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const q = parseQuery(request, listCreditClientsQuery);
  return clientsWithCredits({ search: q.search, page: q.page, pageSize: q.page_size });
});
