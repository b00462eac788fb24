import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { payments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/fields';
import type { Money } from '@/lib/money';
import type { PayableCharge, PayableRef, PayableRegistry } from '@/lib/payables';
import type { PublicUser } from '@/lib/users';
import { ensureStripeCustomer } from './customers';
import { getStripe } from './stripe-client';

export interface StartedPayment {
  client_secret: string;
  payment_intent_id: string;
  amount: Money;
  status: string;
}

/**
 * What a payable owes its client now; 404 for anyone else, 409 when nothing is
 * owed. KES prices are paid by M-Pesa (one payment per payable, and M-Pesa is
 * how clients in Kenya pay): a card asked for one is 422.
 */
export async function chargeFor(payables: PayableRegistry, payable: PayableRef, user: PublicUser, provider: 'card' | 'mpesa' = 'card'): Promise<PayableCharge> {
  // A malformed id names nothing: 404 before it reaches a uuid column.
  if (!isUuid(payable.id)) throw new AppError('not_found', 'Booking not found.');
  const charge = await payables[payable.type].charge(getDb(), payable.id);
  if (!charge) throw new AppError('invalid_transition', 'Nothing to pay for this booking.');
  // Another client's booking does not exist, as far as this one can tell.
  if (charge.clientId !== user.id) throw new AppError('not_found', 'Booking not found.');
  if (provider === 'card' && charge.amount.currency === 'kes') {
    const message = 'Prices in KES are paid with M-Pesa: send pay_with "mpesa" and a phone number.';
    throw new AppError('unprocessable', message, { fields: { pay_with: [message] } });
  }
  return charge;
}

/**
 * The card payment for a payable: its one PaymentIntent, created with the
 * server's amount and currency, or the existing one when asked again (never a
 * second charge). The payments row is written before the client secret leaves
 * the server, so every webhook finds it.
 */
export async function startPayment(payables: PayableRegistry, payable: PayableRef, user: PublicUser): Promise<StartedPayment> {
  const charge = await chargeFor(payables, payable, user);
  const existing = await paymentIdFor(payable);
  if (existing) return answer(existing);
  return answer(await createPayment(payables, charge, user));
}

/** The id of a payable's payment row (a PaymentIntent, or a Checkout Session not yet paid), if any. */
export async function paymentIdFor(payable: PayableRef): Promise<string | undefined> {
  const [row] = await getDb()
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
    .limit(1);
  return row?.id;
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

/**
 * Stores a payable's new payment row and tells the payable, in one
 * transaction. Returns false when the payable already has a payment (a
 * concurrent request stored it first; both ask Stripe with the same
 * idempotency key, so it is the same PaymentIntent or Session).
 */
export async function storePaymentRow(payables: PayableRegistry, tx: Tx, row: typeof payments.$inferInsert): Promise<boolean> {
  const [stored] = await tx.insert(payments).values(row).onConflictDoNothing().returning({ id: payments.id });
  if (!stored) return false;
  await payables[row.payableType as PayableRef['type']].paymentStarted(tx, row.payableId, row.id);
  return true;
}

async function createPayment(payables: PayableRegistry, charge: PayableCharge, user: PublicUser): Promise<string> {
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
  const stored = await getDb().transaction((tx) => storePaymentRow(payables, tx, newPaymentRow(pi.id, charge)));
  if (stored) return pi.id;
  const winner = await paymentIdFor(charge.payable);
  if (!winner) throw new Error(`payment row of ${type} ${id} neither stored nor found`);
  return winner;
}
