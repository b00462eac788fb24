import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments, paymentTransactions, refunds, type Payment } from '@/db/schema';
import { now } from '@/lib/clock';
import { payables, type PayableType } from '@/lib/payables';
import { getStripe } from './stripe-client';
import type { StripeRefund } from './stripe-types';

/**
 * Applies the CURRENT refunds of a PaymentIntent, read from Stripe: one ledger
 * row per succeeded refund (keyed by the refund id, so repeats add nothing),
 * a reversing row if a refund later fails, and the payment's refunded amount
 * recomputed from Stripe's list rather than added up event by event.
 */
export async function syncRefunds(paymentIntentId: string): Promise<void> {
  const [payment] = await getDb().select().from(payments).where(eq(payments.id, paymentIntentId)).limit(1);
  if (!payment) return;
  const list = await getStripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  const all = list.data;
  const refunded = all.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
  const fully = refunded >= payment.amount;
  await getDb().transaction(async (tx) => {
    for (const refund of all) {
      await tx
        .insert(refunds)
        .values({ id: refund.id, paymentId: payment.id, amount: refund.amount, status: refund.status ?? 'pending', reason: refund.metadata?.reason ?? '' })
        .onConflictDoUpdate({ target: refunds.id, set: { status: refund.status ?? 'pending', updatedAt: now() } });
      if (refund.status === 'succeeded' || refund.status === 'failed') {
        // A failed refund is recorded as succeeded first only if it ever succeeded (pm_card_refundFail); then reversed.
        await tx.insert(paymentTransactions).values(ledgerRow(payment, refund, 1)).onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
      }
      if (refund.status === 'failed') {
        await tx.insert(paymentTransactions).values(ledgerRow(payment, refund, -1)).onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
      }
    }
    if (refunded === 0 && payment.refundedAmount === 0) return;
    await tx
      .update(payments)
      .set({
        refundedAmount: refunded,
        status: refunded === 0 ? 'succeeded' : fully ? 'refunded' : 'partially_refunded',
        updatedAt: now(),
      })
      .where(sql`${payments.id} = ${payment.id} and ${payments.refundedAmount} <> ${refunded}`);
  });
  // Idempotent on the payable's side, so a crash before this line is repaired by the next event.
  if (refunded > 0) {
    await payables[payment.payableType as PayableType].paymentRefunded(payment.payableId, { paymentRef: payment.id, fully, refunded, paid: payment.amount });
  }
}

/** The refund's money movement, fee and provider share reduced in proportion (PRODUCT.md); sign -1 reverses it. */
function ledgerRow(payment: Payment, refund: StripeRefund, sign: 1 | -1): typeof paymentTransactions.$inferInsert {
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
