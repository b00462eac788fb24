import { earningsOwner, earningsQuery, earningsTotals } from '@/lib/earnings';
import { parseQuery } from '@/lib/fields';
import { apiRoute } from '@/lib/http';

// GET /api/v1/earnings -> {pending, available, paid_out, total, by_currency?}: the signed-in provider's (admins: ?provider_id=).
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const q = parseQuery(request, earningsQuery);
  return earningsTotals(earningsOwner(user, q.provider_id));
});
