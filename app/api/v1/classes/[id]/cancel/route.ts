import { cancelBody } from '@/lib/bookings/api-schemas';
import { cancelClassAndBookings } from '@/lib/bookings/cancel-class';
import { apiRoute } from '@/lib/http/api';
import { isUuid } from '@/lib/http/fields';
import { AppError } from '@/lib/http/errors';

// POST /api/v1/classes/:id/cancel {reason} -> {cancelled_bookings}: its bookings are cancelled and owed back in full.
export const POST = apiRoute({ access: ['provider', 'admin'], body: cancelBody }, async ({ user, params, body }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such class.');
  return cancelClassAndBookings(params.id, user, body.reason);
});
