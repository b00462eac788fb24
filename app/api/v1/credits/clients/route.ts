import { listCreditClientsQuery } from '@/lib/credits/api-schemas';
import { clientsWithCredits } from '@/lib/credits/queries';
import { apiRoute } from '@/lib/http/api';
import { parseQuery } from '@/lib/http/fields';

// GET /api/v1/credits/clients?search&page&page_size (admin) -> {clients, total, page, page_size}: clients holding credits, latest activity first.
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => {
  const q = parseQuery(request, listCreditClientsQuery);
  return clientsWithCredits({ search: q.search, page: q.page, pageSize: q.page_size });
});
