import { adjustClientCredit, adjustCreditBody } from '@/lib/credits';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';

// POST /api/v1/credits/:id/adjust {delta, reason} (admin) -> {credit, entry}; 422 when it would take more than is left.
export const POST = apiRoute({ access: ['admin'], body: adjustCreditBody }, async ({ user, params, body }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such credit.');
  return adjustClientCredit(params.id, body, user);
});
