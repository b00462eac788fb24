import { apiRoute } from '@/lib/http';
import { payments } from '@/lib/flows';
import { payBody } from '@/lib/payments';

// POST /api/v1/bookings/:id/payment -> {mode: "payment_element", client_secret, payment_intent_id, amount, status}
// or (checkout_mode "hosted") {mode: "hosted", checkout_url, checkout_session_id, amount}: the booking's one
// payment, created on first ask and the same after. The amount is the server's, never the browser's.
// With {pay_with: "mpesa", phone} -> {mode: "mpesa", payment: {id, provider, checkout_request_id, status, amount, phone}}:
// an STK Push to the phone (again, after a failed one: the resend); 409 while a prompt still waits on the phone.
export const POST = apiRoute({ access: ['client'], body: payBody, bodyOptional: true }, async ({ user, params, request, body }) => {
  const id = String(params.id);
  if (body.pay_with === 'mpesa') return { mode: 'mpesa', payment: await payments.startMpesa({ type: 'booking', id }, user, { phone: body.phone }) };
  return payments.checkout({ type: 'booking', id }, user, new URL(request.url).origin, { paid: `/account/bookings/${id}/paid`, back: `/account/bookings/${id}` });
});
