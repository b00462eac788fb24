import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { isUuid, parseQuery } from '@/lib/fields';
import { listApiKeyCalls } from '@/lib/auth';
import { apiKeyCallsQuery } from '@/lib/integration';

// GET /api/v1/api-keys/:id/calls?page&page_size -> {calls, total, page, page_size}: the key's audit log, newest first (admin).
export const GET = apiRoute({ access: ['admin'] }, async ({ request, params }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such API key.');
  const q = parseQuery(request, apiKeyCallsQuery);
  return listApiKeyCalls(params.id, { page: q.page, pageSize: q.page_size });
});
