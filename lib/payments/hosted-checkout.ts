import 'server-only';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { Money } from '@/lib/money';
import type { PayableRef, PayableRegistry } from '@/lib/payables';
import type { PublicUser } from '@/lib/users';
import { ensureStripeCustomer } from './customers';
import { chargeFor, newPaymentRow, paymentIdFor, storePaymentRow } from './start';
import { getStripe } from './stripe-client';

export interface HostedCheckout {
  checkout_url: string;
  checkout_session_id: string;
  amount: Money;
}

// Stripe's shortest Checkout Session is 30 minutes, counted on Stripe's clock when the request
// lands: a minute more, so a second ticking over on the way is not refused. A hold that ends
// sooner is released by the worker, and a payment arriving after that is refunded automatically.
const SESSION_SECONDS = 31 * 60;

/**
 * Seed 003's flow: the payable's Stripe Checkout Session (hosted page). Until
 * the customer pays there is no PaymentIntent, so the payments row is keyed by
 * the session id and re-keyed to the PaymentIntent when the session completes.
 */
export async function startHostedCheckout(payables: PayableRegistry, payable: PayableRef, user: PublicUser, urls: { success: string; cancel: string }): Promise<HostedCheckout> {
  const charge = await chargeFor(payables, payable, user);
  const existing = await paymentIdFor(payable);
  const stripe = getStripe();
  if (existing) {
    if (!existing.startsWith('cs_')) throw new AppError('invalid_transition', 'This booking is already being paid on our checkout page.');
    const session = await stripe.checkout.sessions.retrieve(existing);
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
      expires_at: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
    },
    { idempotencyKey: `checkout-${payable.type}-${payable.id}` },
  );
  await getDb().transaction((tx) => storePaymentRow(payables, tx, { ...newPaymentRow(session.id, charge), checkoutSessionId: session.id }));
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return { checkout_url: session.url, checkout_session_id: session.id, amount: charge.amount };
}
