import { apiRoute } from '@/lib/http';
import { createCreditBody, actorOf, createCreditForPayment } from '@/lib/integration';

// POST /api/v1/payment/create-credit {client_id, package_id, payment_id, amount_paid} -> 201 {success, credit, transaction_id} (seed 000);
// 200 with the same credit when the payment already granted it. An admin or an integration key.
export const POST = apiRoute({ access: ['admin'], integration: true, body: createCreditBody }, async ({ user, apiKey, body }) => {
  const { created, ...result } = await createCreditForPayment(
    { clientId: body.client_id, packageId: body.package_id, paymentId: body.payment_id, amountPaid: body.amount_paid },
    actorOf({ user, apiKey }),
  );
  return Response.json(result, { status: created ? 201 : 200 });
});
