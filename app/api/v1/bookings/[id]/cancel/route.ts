import { cancelBody } from '@/lib/bookings/api-schemas';
import { cancelBooking } from '@/lib/bookings/lifecycle';
import { apiRoute } from '@/lib/http/api';

// POST /api/v1/bookings/:id/cancel {reason} -> {booking} with refund_due per the cancellation policy.
export const POST = apiRoute({ access: 'user', body: cancelBody }, async ({ user, params, body }) => ({
  booking: await cancelBooking(String(params.id), user, body.reason),
}));
