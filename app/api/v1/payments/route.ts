import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { listPaymentsQuery, listPayments } from '@/lib/payments';

// GET /api/v1/payments -> {payments, total, page, page_size}: a client's own, a provider's received, or (admin) all; newest first.
export const GET = apiRoute({ access: 'user' }, async ({ request, user }) => {
  const q = parseQuery(request, listPaymentsQuery);
  return listPayments(user, {
    status: q.status,
    providerId: q.provider_id,
    from: q.from,
    to: q.to,
    search: q.search,
    page: q.page,
    pageSize: q.page_size,
  });
});
