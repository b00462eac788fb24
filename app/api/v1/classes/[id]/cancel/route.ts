import { cancelBody } from '@/lib/bookings';
import { cancelClassAndSettle } from '@/lib/flows';
import { apiRoute } from '@/lib/http';
import { isUuid } from '@/lib/fields';
import { AppError } from '@/lib/errors';

// POST /api/v1/classes/:id/cancel {reason} -> {cancelled_bookings, refunds, credits_returned}: its bookings are cancelled and paid back in full.
export const POST = apiRoute({ access: ['provider', 'admin'], body: cancelBody }, async ({ user, params, body }) => {
  if (!isUuid(params.id)) throw new AppError('not_found', 'No such class.');
  return cancelClassAndSettle(params.id, user, body.reason);
});
