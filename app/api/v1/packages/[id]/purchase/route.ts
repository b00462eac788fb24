import { apiRoute } from '@/lib/http';
import { startPackagePurchase } from '@/lib/flows';

// POST /api/v1/packages/:id/purchase (client) -> 201 {purchase_id, mode: "payment_element", client_secret, payment_intent_id,
// amount, currency, status} or (checkout_mode "hosted") {purchase_id, mode: "hosted", url, checkout_url, checkout_session_id,
// amount, currency}. Asking again resumes the same purchase and PaymentIntent; the amount is the server's.
export const POST = apiRoute({ access: ['client'] }, async ({ params, user, request }) => {
  const started = await startPackagePurchase(String(params.id), user, new URL(request.url).origin);
  const body = started.mode === 'hosted' ? { ...started, url: started.checkout_url } : started;
  return Response.json({ ...body, currency: started.amount.currency }, { status: 201 });
});
