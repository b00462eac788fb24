import { apiRoute } from '@/lib/http';
import { useCreditBody, useCreditForBooking } from '@/lib/integration';

// POST /api/v1/credits/use {booking_id, credit_id?} -> {success, booking_id, booking_status, credit_id, remaining_classes} (seed 000):
// an admin, an integration key, or the booking's own client.
export const POST = apiRoute({ access: ['admin', 'client'], integration: true, body: useCreditBody }, async ({ user, apiKey, body }) =>
  useCreditForBooking({ user, apiKey }, { bookingId: body.booking_id, creditId: body.credit_id }),
);
