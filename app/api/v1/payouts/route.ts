import { createPayoutsBody, listPayouts, payoutsQuery } from '@/lib/earnings';
import { parseQuery } from '@/lib/fields';
import { createPayouts } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// GET /api/v1/payouts -> {payouts, total, page, page_size}: a provider's own; admins all (or ?provider_id=).
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ request, user }) => {
  const q = parseQuery(request, payoutsQuery);
  return listPayouts(user, { providerId: q.provider_id, page: q.page, pageSize: q.page_size });
});

// POST /api/v1/payouts {provider_id?, method, reference?} (admin) -> 201 {payouts}: one payout per provider and currency with something available.
export const POST = apiRoute({ access: ['admin'], body: createPayoutsBody }, async ({ user, body }) => {
  const payouts = await createPayouts(user, body);
  return Response.json({ payouts }, { status: payouts.length > 0 ? 201 : 200 });
});
