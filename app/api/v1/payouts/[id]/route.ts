import { getPayoutStatement } from '@/lib/earnings';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { apiRoute } from '@/lib/http';

// GET /api/v1/payouts/:id -> the statement: the payout, every line and clawback, totals. 404 for another provider's.
export const GET = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such payout.');
  return getPayoutStatement(params.id, user);
});
