import 'server-only';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { payments, paymentTransactions, refunds, users, type Payment } from '@/db/schema';
import { now } from '@/lib/clock';
import { enqueue, QUEUES } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import { queueToAdmins } from '@/lib/mail';
import type { PayableHandler, PayableRegistry, PayableType, PaymentRecorder } from '@/lib/payables';
import type { StripeCharge, StripePaymentIntent, StripeRefund } from './stripe-types';

/**
 * The database effect of a Stripe object's CURRENT state, always inside a
 * transaction given by the caller (a webhook event's, with its stripe_events
 * row; the reconciliation's; an integration's). Every write is conditional or
 * keyed by a Stripe id, so applying the same state twice, or states that
 * arrive late or out of order, changes nothing the second time. Work that
 * must not run inside the transaction (a Stripe call) is queued in it as a job.
 */

const SETTLED = ['succeeded', 'refunded', 'partially_refunded'] as const;

/** The payment row, locked until the transaction ends, so two applications of one payment run one after the other. */
export async function lockPayment(tx: Tx, id: string): Promise<Payment | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update').limit(1);
  return row;
}

export function handlerOf(payables: PayableRegistry, payment: Payment): PayableHandler {
  const handler = payables[payment.payableType as PayableType];
  if (!handler) throw new Error(`payment ${payment.id} pays for an unknown payable type ${payment.payableType}`);
  return handler;
}

export function latestCharge(pi: StripePaymentIntent): StripeCharge | null {
  return typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
}

/** Applies a PaymentIntent (retrieved with `latest_charge` expanded) to its payment and payable. */
export async function applyPaymentIntent(payables: PayableRegistry, tx: Tx, pi: StripePaymentIntent, options: { recordedBy?: PaymentRecorder | null } = {}): Promise<void> {
  const payment = await lockPayment(tx, pi.id);
  if (!payment) {
    // Not ours (another app on the account), or a Checkout payment not yet re-keyed to its PaymentIntent.
    logger.warn('payment intent without a payment row', { payment_intent: pi.id });
    return;
  }
  const handler = handlerOf(payables, payment);
  switch (pi.status) {
    case 'succeeded':
      return applySucceeded(handler, tx, payment, pi, options.recordedBy ?? null);
    case 'requires_payment_method':
      if (!pi.last_payment_error) return;
      await tx
        .update(payments)
        .set({ status: 'failed', failureCode: pi.last_payment_error.decline_code ?? pi.last_payment_error.code ?? null, failureMessage: pi.last_payment_error.message ?? null, updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, [...SETTLED])));
      return handler.paymentFailed(tx, payment.payableId, payment.id);
    case 'canceled':
      await tx
        .update(payments)
        .set({ status: 'canceled', updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, [...SETTLED])));
      return handler.paymentAbandoned(tx, payment.payableId, payment.id);
    case 'processing':
    case 'requires_action':
      await tx
        .update(payments)
        .set({ status: 'pending', updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, [...SETTLED, 'canceled'])));
      return;
    default:
      return;
  }
}

async function applySucceeded(handler: PayableHandler, tx: Tx, payment: Payment, pi: StripePaymentIntent, recordedBy: PaymentRecorder | null): Promise<void> {
  const charge = latestCharge(pi);
  if (!charge) throw new Error(`succeeded PaymentIntent ${pi.id} has no charge`);
  const card = charge.payment_method_details?.card;
  const [newlySucceeded] = await tx
    .update(payments)
    .set({
      status: 'succeeded',
      chargeId: charge.id,
      cardBrand: card?.brand ?? null,
      cardLast4: card?.last4 ?? null,
      receiptUrl: charge.receipt_url,
      failureCode: null,
      failureMessage: null,
      succeededAt: new Date(charge.created * 1000),
      updatedAt: now(),
    })
    .where(and(eq(payments.id, payment.id), notInArray(payments.status, [...SETTLED])))
    .returning({ id: payments.id });
  // Keyed by the charge: a second application adds no second ledger row.
  await tx
    .insert(paymentTransactions)
    .values({
      paymentId: payment.id,
      // A package is bought (seed 000's "purchase"); anything else is paid for once.
      type: payment.payableType === 'package' ? 'purchase' : 'single',
      stripeObjectId: charge.id,
      gross: payment.amount,
      fee: payment.feeAmount,
      net: payment.providerAmount,
      currency: pi.currency,
      metadata: { payment_intent: pi.id, payable_type: payment.payableType, payable_id: payment.payableId, ...(recordedBy ? { recorded_by: 'integration' } : {}) },
    })
    .onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
  const accepted = await handler.paymentSucceeded(tx, payment.payableId, {
    paymentRef: pi.id,
    amount: { amount: pi.amount_received || pi.amount, currency: pi.currency },
    recordedBy,
  });
  if (!accepted && newlySucceeded) await queueAutoRefund(tx, payment);
}

/**
 * The payable could no longer take a payment that succeeded (the booking
 * expired or was cancelled meanwhile): never keep money for nothing. The
 * provider is called after the commit, by the worker, once (the job and the
 * refund are keyed by the payment); admins are told.
 */
export async function queueAutoRefund(tx: Tx, payment: Payment): Promise<void> {
  logger.warn('payment succeeded for a payable that can no longer take it; refunding', { payment_id: payment.id, provider: payment.provider });
  await enqueue(tx, QUEUES.autoRefund, { paymentIntentId: payment.id }, { singletonKey: payment.id, retryLimit: 20, retryDelay: 5, retryBackoff: true });
  const [client] = await tx.select({ name: users.name }).from(users).where(eq(users.id, payment.userId)).limit(1);
  await queueToAdmins(tx, `payment_auto_refunded:${payment.id}`, 'payment_auto_refunded', {
    payment_id: payment.id,
    amount: { amount: payment.amount, currency: payment.currency },
    description: `${payment.payableType} ${payment.payableId}`,
    client_name: client?.name ?? '',
  });
}

/**
 * Applies the CURRENT refunds of a payment, as listed by Stripe: one ledger
 * row per succeeded refund (keyed by the refund id, so repeats add nothing),
 * a reversing row if a refund later fails, the payment's refunded amount
 * recomputed from the list rather than added up event by event, and the
 * payable told the new total.
 */
export async function applyRefunds(payables: PayableRegistry, tx: Tx, paymentId: string, list: StripeRefund[]): Promise<void> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return;
  const refunded = list.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
  const fully = refunded >= payment.amount;
  for (const refund of list) {
    await tx
      .insert(refunds)
      .values({ id: refund.id, paymentId: payment.id, amount: refund.amount, status: refund.status ?? 'pending', reason: refund.metadata?.reason ?? '' })
      .onConflictDoUpdate({ target: refunds.id, set: { status: refund.status ?? 'pending', updatedAt: now() } });
    if (refund.status === 'succeeded' || refund.status === 'failed') {
      // A failed refund is recorded as succeeded first only if it ever succeeded (pm_card_refundFail); then reversed.
      await tx.insert(paymentTransactions).values(refundLedgerRow(payment, refund, 1)).onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
    }
    if (refund.status === 'failed') {
      await tx.insert(paymentTransactions).values(refundLedgerRow(payment, refund, -1)).onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
    }
  }
  if (refunded === 0 && payment.refundedAmount === 0) return;
  await tx
    .update(payments)
    .set({ refundedAmount: refunded, status: refunded === 0 ? 'succeeded' : fully ? 'refunded' : 'partially_refunded', updatedAt: now() })
    .where(sql`${payments.id} = ${payment.id} and ${payments.refundedAmount} <> ${refunded}`);
  if (refunded > 0) {
    await handlerOf(payables, payment).paymentRefunded(tx, payment.payableId, { paymentRef: payment.id, fully, refunded, paid: payment.amount });
  }
}

/** The refund's money movement, fee and provider share reduced in proportion (PRODUCT.md); sign -1 reverses it. */
function refundLedgerRow(payment: Payment, refund: StripeRefund, sign: 1 | -1): typeof paymentTransactions.$inferInsert {
  const gross = -refund.amount * sign;
  const fee = -Math.round((payment.feeAmount * refund.amount) / payment.amount) * sign;
  return {
    paymentId: payment.id,
    type: 'refund',
    stripeObjectId: sign === 1 ? refund.id : `${refund.id}:failed`,
    gross,
    fee,
    net: gross - fee,
    currency: refund.currency,
    metadata: { payment_intent: payment.id, refund: refund.id, ...(sign === -1 ? { reversal: true } : {}) },
  };
}

/** A hosted Checkout Session ended unpaid: the payable is released and the payment canceled. */
export async function applyExpiredCheckout(payables: PayableRegistry, tx: Tx, sessionId: string): Promise<void> {
  const payment = await lockPayment(tx, sessionId);
  if (!payment) return;
  await handlerOf(payables, payment).paymentAbandoned(tx, payment.payableId, sessionId);
  await tx.update(payments).set({ status: 'canceled', updatedAt: now() }).where(and(eq(payments.id, sessionId), notInArray(payments.status, [...SETTLED])));
}

/** A hosted Checkout Session was paid: its row takes the PaymentIntent's id, then the PaymentIntent is applied. */
export async function applyCompletedCheckout(payables: PayableRegistry, tx: Tx, sessionId: string, pi: StripePaymentIntent): Promise<void> {
  await tx.update(payments).set({ id: pi.id, checkoutSessionId: sessionId }).where(eq(payments.id, sessionId));
  await applyPaymentIntent(payables, tx, pi);
}
