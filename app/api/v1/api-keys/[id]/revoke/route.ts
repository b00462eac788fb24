import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { revokeApiKey } from '@/lib/auth';

// POST /api/v1/api-keys/:id/revoke -> {api_key}: the key stops working at once; revoking again changes nothing (admin).
export const POST = apiRoute({ access: ['admin'] }, async ({ user, params }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such API key.');
  return { api_key: await revokeApiKey(params.id, user) };
});
