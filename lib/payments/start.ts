import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments } from '@/db/schema';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/http/errors';
import type { Money } from '@/lib/money';
import { payables, type PayableCharge, type PayableRef } from '@/lib/payables';
import type { PublicUser } from '@/lib/users/public-user';
import { ensureStripeCustomer } from './customers';
import { getStripe } from './stripe-client';

export interface StartedPayment {
  client_secret: string;
  payment_intent_id: string;
  amount: Money;
  status: string;
}

/**
 * The card payment for a payable: its one PaymentIntent, created with the
 * server's amount and currency, or the existing one when asked again (never a
 * second charge). The payments row is written before the client secret leaves
 * the server, so every webhook finds it.
 */
export async function startPayment(payable: PayableRef, user: PublicUser): Promise<StartedPayment> {
  const charge = await payables[payable.type].charge(payable.id);
  if (!charge) throw new AppError('invalid_transition', 'Nothing to pay for this booking.');
  // Another client's booking does not exist, as far as this one can tell.
  if (charge.clientId !== user.id) throw new AppError('not_found', 'Booking not found.');
  const existing = await findPaymentFor(payable);
  if (existing) return answer(existing.id);
  return answer(await createPayment(charge, user));
}

async function findPaymentFor(payable: PayableRef) {
  const [row] = await getDb()
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
    .limit(1);
  return row;
}

async function answer(paymentIntentId: string): Promise<StartedPayment> {
  const pi = await getStripe().paymentIntents.retrieve(paymentIntentId);
  if (!pi.client_secret) throw new Error(`PaymentIntent ${pi.id} has no client secret`);
  return { client_secret: pi.client_secret, payment_intent_id: pi.id, amount: { amount: pi.amount, currency: pi.currency }, status: pi.status };
}

/** The payments row of a payable's charge, written before its client secret or Checkout page leaves the server. */
export function newPaymentRow(id: string, charge: PayableCharge): typeof payments.$inferInsert {
  return {
    id,
    payableType: charge.payable.type,
    payableId: charge.payable.id,
    userId: charge.clientId,
    providerId: charge.providerId,
    amount: charge.amount.amount,
    currency: charge.amount.currency,
    status: 'created',
    feeBps: charge.feeBps,
    feeAmount: charge.feeAmount,
    providerAmount: charge.amount.amount - charge.feeAmount,
  };
}

async function createPayment(charge: PayableCharge, user: PublicUser): Promise<string> {
  const { type, id } = charge.payable;
  const customer = await ensureStripeCustomer(user);
  // Same key for the same payable: a retried or concurrent request gets the same PaymentIntent back.
  const pi = await getStripe().paymentIntents.create(
    {
      amount: charge.amount.amount,
      currency: charge.amount.currency,
      customer,
      description: charge.description,
      automatic_payment_methods: { enabled: true },
      metadata: { payable_type: type, payable_id: id, user_id: user.id },
    },
    { idempotencyKey: `payment-${type}-${id}` },
  );
  try {
    await getDb()
      .insert(payments)
      .values(newPaymentRow(pi.id, charge))
      .onConflictDoNothing({ target: payments.id });
  } catch (err) {
    // A concurrent request stored the payable's payment first: use it.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findPaymentFor(charge.payable);
    if (!winner) throw err;
    return winner.id;
  }
  await payables[type].paymentStarted(id, pi.id);
  return pi.id;
}
