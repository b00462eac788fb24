import 'server-only';
import { and, eq, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments, paymentTransactions, type Payment } from '@/db/schema';
import { now } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { payables, type PayableType } from '@/lib/payables';
import { getStripe } from './stripe-client';
import type { StripeCharge, StripePaymentIntent } from './stripe-types';

/**
 * Applies the CURRENT state of a PaymentIntent, read from Stripe, to its
 * payment and payable. Every write is conditional or keyed by a Stripe id, so
 * running it twice, or for events that arrive late or out of order, changes
 * nothing the second time (a payment_failed after succeeded finds it succeeded).
 */
export async function syncPaymentIntent(paymentIntentId: string): Promise<void> {
  const [payment] = await getDb().select().from(payments).where(eq(payments.id, paymentIntentId)).limit(1);
  if (!payment) {
    // Not ours (another app on the account, or a payment whose row was never written).
    logger.warn('payment intent without a payment row', { payment_intent: paymentIntentId });
    return;
  }
  const pi = await getStripe().paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
  const handler = payables[payment.payableType as PayableType];
  switch (pi.status) {
    case 'succeeded':
      return applySucceeded(payment, pi);
    case 'requires_payment_method':
      if (!pi.last_payment_error) return;
      await getDb()
        .update(payments)
        .set({ status: 'failed', failureCode: pi.last_payment_error.decline_code ?? pi.last_payment_error.code ?? null, failureMessage: pi.last_payment_error.message ?? null, updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, ['succeeded', 'refunded', 'partially_refunded'])));
      return handler.paymentFailed(payment.payableId, payment.id);
    case 'canceled':
      // The payable first: if releasing it fails, the payment stays open to the next sync.
      await handler.paymentAbandoned(payment.payableId, payment.id);
      await getDb()
        .update(payments)
        .set({ status: 'canceled', updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, ['succeeded', 'refunded', 'partially_refunded'])));
      return;
    case 'processing':
    case 'requires_action':
      await getDb()
        .update(payments)
        .set({ status: 'pending', updatedAt: now() })
        .where(and(eq(payments.id, payment.id), notInArray(payments.status, ['succeeded', 'refunded', 'partially_refunded', 'canceled'])));
      return;
    default:
      return;
  }
}

async function applySucceeded(payment: Payment, pi: StripePaymentIntent): Promise<void> {
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  if (!charge) throw new Error(`succeeded PaymentIntent ${pi.id} has no charge`);
  // The payable first: it is idempotent, and a crash after it is repaired by the redelivered event.
  const accepted = await payables[payment.payableType as PayableType].paymentSucceeded(payment.payableId, {
    paymentRef: pi.id,
    amount: { amount: pi.amount_received || pi.amount, currency: pi.currency },
  });
  await recordSucceeded(payment, pi, charge);
  if (!accepted) {
    // The booking expired or was cancelled meanwhile: never keep money for nothing.
    logger.warn('payment succeeded for a payable that can no longer take it; refunding', { payment_intent: pi.id });
    await getStripe().refunds.create(
      { payment_intent: pi.id, reason: 'requested_by_customer', metadata: { reason: 'auto: payable no longer available' } },
      { idempotencyKey: `auto-refund-${pi.id}` },
    );
  }
}

async function recordSucceeded(payment: Payment, pi: StripePaymentIntent, charge: StripeCharge): Promise<void> {
  const card = charge.payment_method_details?.card;
  await getDb().transaction(async (tx) => {
    await tx
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
      .where(and(eq(payments.id, payment.id), notInArray(payments.status, ['succeeded', 'refunded', 'partially_refunded'])));
    // Keyed by the charge: a second sync adds no second ledger row.
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
        metadata: { payment_intent: pi.id, payable_type: payment.payableType, payable_id: payment.payableId },
      })
      .onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
  });
}
