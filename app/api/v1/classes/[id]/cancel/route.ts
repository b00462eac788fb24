import { cancelBody } from '@/lib/bookings/api-schemas';
import { cancelClassAndSettle } from '@/lib/flows/cancel-class';
import { apiRoute } from '@/lib/http/api';
import { isUuid } from '@/lib/http/fields';
import { AppError } from '@/lib/http/errors';

// POST /api/v1/classes/:id/cancel {reason} -> {cancelled_bookings, refunds, credits_returned}: its bookings are cancelled and paid back in full.
export const POST = apiRoute({ access: ['provider', 'admin'], body: cancelBody }, async ({ user, params, body }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such class.');
  return cancelClassAndSettle(params.id, user, body.reason);
});
