import { apiRoute } from '@/lib/http';
import { parseQuery } from '@/lib/fields';
import { bookingIdQuery, bookingPaymentStatus } from '@/lib/integration';

// GET /api/v1/payment/booking-status?booking_id= -> {booking_id, status, payment_status, payment_type, payment_id, payment_amount, credit_id}
// (seed 000): an admin or an integration key.
export const GET = apiRoute({ access: ['admin'], integration: true }, async ({ request, user, apiKey }) =>
  bookingPaymentStatus({ user, apiKey }, parseQuery(request, bookingIdQuery).booking_id),
);
