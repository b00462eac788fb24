import { apiRoute } from '@/lib/http/api';
import { startPayment } from '@/lib/payments/start';

// POST /api/v1/bookings/:id/payment -> {client_secret, payment_intent_id, amount, status}: the booking's one
// PaymentIntent (created on first ask, the same one after). The amount is the server's, never the browser's.
export const POST = apiRoute({ access: ['client'] }, async ({ user, params }) => startPayment({ type: 'booking', id: String(params.id) }, user));
