import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import { completeClass } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// POST /api/v1/classes/:id/complete (its provider, admin) -> {completed_bookings}: the class and its confirmed bookings are delivered.
export const POST = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such class.');
  return completeClass(params.id, user);
});
