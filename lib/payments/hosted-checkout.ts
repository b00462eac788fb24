import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments } from '@/db/schema';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/http/errors';
import type { Money } from '@/lib/money';
import { payables, type PayableRef } from '@/lib/payables';
import type { PublicUser } from '@/lib/users/public-user';
import { ensureStripeCustomer } from './customers';
import { newPaymentRow } from './start';
import { getStripe } from './stripe-client';
import { syncPaymentIntent } from './sync';

export interface HostedCheckout {
  checkout_url: string;
  checkout_session_id: string;
  amount: Money;
}

// Stripe's shortest Checkout Session; a hold that ends sooner is released by the
// worker, and a payment arriving after that is refunded by the sync.
const SESSION_MINUTES = 30;

/**
 * Seed 003's flow: the payable's Stripe Checkout Session (hosted page). Until
 * the customer pays there is no PaymentIntent, so the payments row is keyed by
 * the session id and re-keyed to the PaymentIntent when the session completes.
 */
export async function startHostedCheckout(payable: PayableRef, user: PublicUser, urls: { success: string; cancel: string }): Promise<HostedCheckout> {
  const charge = await payables[payable.type].charge(payable.id);
  if (!charge) throw new AppError('invalid_transition', 'Nothing to pay for this booking.');
  if (charge.clientId !== user.id) throw new AppError('not_found', 'Booking not found.');
  const [existing] = await getDb()
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
    .limit(1);
  const stripe = getStripe();
  if (existing) {
    if (!existing.id.startsWith('cs_')) throw new AppError('invalid_transition', 'This booking is already being paid on our checkout page.');
    const session = await stripe.checkout.sessions.retrieve(existing.id);
    if (session.status !== 'open' || !session.url) throw new AppError('invalid_transition', 'This checkout has ended.');
    return { checkout_url: session.url, checkout_session_id: session.id, amount: charge.amount };
  }
  const metadata = { payable_type: payable.type, payable_id: payable.id, user_id: user.id };
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      customer: await ensureStripeCustomer(user),
      client_reference_id: payable.id,
      line_items: [{ quantity: 1, price_data: { currency: charge.amount.currency, unit_amount: charge.amount.amount, product_data: { name: charge.description } } }],
      payment_intent_data: { metadata, description: charge.description },
      metadata,
      success_url: urls.success,
      cancel_url: urls.cancel,
      expires_at: Math.floor(Date.now() / 1000) + SESSION_MINUTES * 60,
    },
    { idempotencyKey: `checkout-${payable.type}-${payable.id}` },
  );
  try {
    await getDb().insert(payments).values({ ...newPaymentRow(session.id, charge), checkoutSessionId: session.id });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  await payables[payable.type].paymentStarted(payable.id, session.id);
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return { checkout_url: session.url, checkout_session_id: session.id, amount: charge.amount };
}

/** checkout.session.completed: the row takes the PaymentIntent's id, then the PaymentIntent is applied. */
export async function syncCheckoutSession(sessionId: string): Promise<void> {
  const session = await getStripe().checkout.sessions.retrieve(sessionId);
  const pi = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  if (session.status === 'expired') {
    const [row] = await getDb().select().from(payments).where(eq(payments.id, sessionId)).limit(1);
    if (!row) return;
    await payables[row.payableType as PayableRef['type']].paymentAbandoned(row.payableId, sessionId);
    await getDb().update(payments).set({ status: 'canceled' }).where(and(eq(payments.id, sessionId), ne(payments.status, 'succeeded')));
    return;
  }
  if (!pi) return;
  await getDb().update(payments).set({ id: pi, checkoutSessionId: sessionId }).where(eq(payments.id, sessionId));
  await syncPaymentIntent(pi);
}
