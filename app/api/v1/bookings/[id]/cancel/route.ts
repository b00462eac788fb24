import { cancelBookingBody } from '@/lib/bookings';
import { cancelBookingAndSettle } from '@/lib/flows';
import { apiRoute } from '@/lib/http';

// POST /api/v1/bookings/:id/cancel {reason?} (required unless the client cancels) -> {booking, refund} with refund_due per the cancellation policy;
// a card payment owed back in full is refunded at once.
export const POST = apiRoute({ access: 'user', body: cancelBookingBody }, async ({ user, params, body }) =>
  cancelBookingAndSettle(String(params.id), user, body.reason),
);
