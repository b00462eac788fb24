import { grantComplimentaryCredit, grantCreditBody, clientCreditsWithHistory } from '@/lib/credits';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';

// GET /api/v1/clients/:id/credits -> {client, client_id, total_credits, credits, history}: the client themself or an admin; 404 for anyone else.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => clientCreditsWithHistory(String(params.id), user));

// POST /api/v1/clients/:id/credits {uses, validity_days, reason, package_id?} (admin) -> 201 {credit}: a complimentary credit.
export const POST = apiRoute({ access: ['admin'], body: grantCreditBody }, async ({ user, params, body }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such client.');
  const credit = await grantComplimentaryCredit(params.id, { uses: body.uses, validityDays: body.validity_days, reason: body.reason, packageId: body.package_id }, user);
  return Response.json({ credit }, { status: 201 });
});
