import { apiRoute } from '@/lib/http';
import { confirmPaymentBody, confirmBookingPayment } from '@/lib/integration';

// POST /api/v1/payment/confirm-payment {booking_id, payment_id, amount?, payment_type?} -> {success, booking_id, status, payment_status}
// (seed 000): the PaymentIntent is checked with Stripe and applied as its webhook would be; an admin or an integration key.
export const POST = apiRoute({ access: ['admin'], integration: true, body: confirmPaymentBody }, async ({ user, apiKey, body }) =>
  confirmBookingPayment({ user, apiKey }, { bookingId: body.booking_id, paymentId: body.payment_id, amount: body.amount }),
);
