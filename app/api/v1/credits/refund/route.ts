import { apiRoute } from '@/lib/http';
import { refundCreditBody, refundCreditForBooking } from '@/lib/integration';

// POST /api/v1/credits/refund {booking_id, credit_id?} -> {success, booking_id, credit_id, remaining_classes, returned} (seed 000):
// a cancelled booking's use goes back, even after a late cancellation; an admin or an integration key.
export const POST = apiRoute({ access: ['admin'], integration: true, body: refundCreditBody }, async ({ user, apiKey, body }) =>
  refundCreditForBooking({ user, apiKey }, { bookingId: body.booking_id, creditId: body.credit_id }),
);
