import { apiRoute } from '@/lib/http/api';
import { AppError } from '@/lib/http/errors';
import { isUuid } from '@/lib/http/fields';
import { revokeApiKey } from '@/lib/integration/api-keys';

// POST /api/v1/api-keys/:id/revoke -> {api_key}: the key stops working at once; revoking again changes nothing (admin).
export const POST = apiRoute({ access: ['admin'] }, async ({ user, params }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such API key.');
  return { api_key: await revokeApiKey(params.id, user) };
});
