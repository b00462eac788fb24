import { apiRoute } from '@/lib/http';
import { startPackagePurchase } from '@/lib/flows';
import { payBody } from '@/lib/payments';

// POST /api/v1/packages/:id/purchase (client) -> 201 {purchase_id, mode: "payment_element", client_secret, payment_intent_id,
// amount, currency, status} or (checkout_mode "hosted") {purchase_id, mode: "hosted", url, checkout_url, checkout_session_id,
// amount, currency}, or with {pay_with: "mpesa", phone} {purchase_id, mode: "mpesa", payment, amount, currency} (an STK Push).
// Asking again resumes the same purchase and payment; the amount is the server's.
export const POST = apiRoute({ access: ['client'], body: payBody, bodyOptional: true }, async ({ params, user, request, body }) => {
  const started = await startPackagePurchase(String(params.id), user, new URL(request.url).origin, body);
  const out = started.mode === 'hosted' ? { ...started, url: started.checkout_url } : started;
  return Response.json({ ...out, currency: started.amount.currency }, { status: 201 });
});
