import { payments } from '@/lib/flows';
import { errorResponse } from '@/lib/http';
import { MAX_WEBHOOK_BYTES, readBodyText } from '@/lib/request-body';
import { logger } from '@/lib/logger';
import { verifyStripeEvent } from '@/lib/payments';

// POST /api/stripe/webhook: Stripe's signed events. 400 when the signature fails, 2xx once handled
// (or for types we do not handle), 500 on a failure so Stripe retries.
export async function POST(request: Request): Promise<Response> {
  // The signature covers the exact bytes: verify on the raw body, never on parsed JSON.
  // Read at most 1 MB, a chunk at a time: a forged or endless body is refused before it fills memory.
  let raw: string;
  try {
    raw = await readBodyText(request, MAX_WEBHOOK_BYTES);
  } catch (err) {
    return errorResponse(err);
  }
  const event = verifyStripeEvent(raw, request.headers.get('stripe-signature'));
  if (!event) return Response.json({ error: { code: 'bad_request', message: 'Invalid Stripe signature.' } }, { status: 400 });
  try {
    const outcome = await payments.handleStripeEvent(event);
    return Response.json({ received: true, outcome });
  } catch (err) {
    logger.error('stripe webhook handler failed', { event_id: event.id, type: event.type, message: (err as Error).message });
    return Response.json({ error: { code: 'internal_error', message: 'Handler failed; retry later.' } }, { status: 500 });
  }
}
