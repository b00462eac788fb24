import { listCreditsQuery, clientCreditsFor } from '@/lib/credits';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { parseQuery } from '@/lib/fields';

// GET /api/v1/credits[?client_id] -> {client_id, total_credits, credits}: a client's own; an admin names the client (400 without).
export const GET = apiRoute({ access: ['client', 'admin'] }, async ({ request, user }) => {
  const q = parseQuery(request, listCreditsQuery);
  if (user.role === 'admin' && !q.client_id) {
    throw new AppError('validation_failed', 'client_id is required for admins.', { fields: { client_id: ['client_id is required for admins.'] } });
  }
  return clientCreditsFor(q.client_id ?? user.id, user);
});
