import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { payments } from '@/db/schema';
import type { PayableRegistry } from '@/lib/payables';
import { applyCompletedCheckout, applyExpiredCheckout, applyPaymentIntent, applyRefunds } from './apply';
import { getStripe } from './stripe-client';

/**
 * Reading Stripe, then writing our state: each function reads the CURRENT
 * object from Stripe (a network call, outside any transaction) and returns
 * the database work that applies it, for the caller to run in its
 * transaction, or null when there is nothing of ours to apply. An event is
 * only a signal; order and duplicates do not matter.
 */
export type PaymentWork = (tx: Tx) => Promise<void>;

async function hasPaymentRow(id: string): Promise<boolean> {
  const [row] = await getDb().select({ id: payments.id }).from(payments).where(eq(payments.id, id)).limit(1);
  return row !== undefined;
}

export async function retrievePaymentIntentWithCharge(id: string) {
  return getStripe().paymentIntents.retrieve(id, { expand: ['latest_charge'] });
}

export async function paymentIntentWork(payables: PayableRegistry, paymentIntentId: string): Promise<PaymentWork | null> {
  // Not ours (another app on the account, or a payment whose row was never written): no call to Stripe.
  if (!(await hasPaymentRow(paymentIntentId))) return null;
  const pi = await retrievePaymentIntentWithCharge(paymentIntentId);
  return (tx) => applyPaymentIntent(payables, tx, pi);
}

export async function refundsWork(payables: PayableRegistry, paymentIntentId: string): Promise<PaymentWork | null> {
  if (!(await hasPaymentRow(paymentIntentId))) return null;
  const list = await getStripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  return (tx) => applyRefunds(payables, tx, paymentIntentId, list.data);
}

/** checkout.session.completed / .expired: the session, and its PaymentIntent once paid. */
export async function checkoutSessionWork(payables: PayableRegistry, sessionId: string): Promise<PaymentWork | null> {
  const session = await getStripe().checkout.sessions.retrieve(sessionId);
  if (session.status === 'expired') return (tx) => applyExpiredCheckout(payables, tx, sessionId);
  const piId = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  if (!piId) return null;
  const pi = await retrievePaymentIntentWithCharge(piId);
  return (tx) => applyCompletedCheckout(payables, tx, sessionId, pi);
}

async function run(work: PaymentWork | null): Promise<void> {
  if (work) await getDb().transaction(work);
}

/** Applies a PaymentIntent's current state in a transaction of its own (reconciliation, integrations). */
export async function syncPaymentIntent(payables: PayableRegistry, paymentIntentId: string): Promise<void> {
  await run(await paymentIntentWork(payables, paymentIntentId));
}

/** Applies a payment's current refunds in a transaction of its own (after an admin's refund). */
export async function syncRefunds(payables: PayableRegistry, paymentIntentId: string): Promise<void> {
  await run(await refundsWork(payables, paymentIntentId));
}
