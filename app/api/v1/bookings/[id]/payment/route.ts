import { apiRoute } from '@/lib/http';
import { payments } from '@/lib/flows';

// POST /api/v1/bookings/:id/payment -> {mode: "payment_element", client_secret, payment_intent_id, amount, status}
// or (checkout_mode "hosted") {mode: "hosted", checkout_url, checkout_session_id, amount}: the booking's one
// payment, created on first ask and the same after. The amount is the server's, never the browser's.
export const POST = apiRoute({ access: ['client'] }, async ({ user, params, request }) => {
  const id = String(params.id);
  return payments.checkout({ type: 'booking', id }, user, new URL(request.url).origin, { paid: `/account/bookings/${id}/paid`, back: `/account/bookings/${id}` });
});
