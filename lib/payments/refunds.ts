import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments, refunds, type Payment } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { isPaymentId } from '@/lib/fields';
import { logger } from '@/lib/logger';
import { formatMoney } from '@/lib/money';
import type { PayableRef, PayableRegistry } from '@/lib/payables';
import type { PublicUser } from '@/lib/users';
import { reverseAutomatically, reverseMpesaPayment } from './mpesa';
import { getStripe } from './stripe-client';
import { invalidRequestMessage, stripeErrorCode } from './stripe-types';
import { syncRefunds } from './sync';

export interface RefundDto {
  id: string;
  payment_id: string;
  amount: { amount: number; currency: string };
  status: string;
  reason: string;
}

// Refunds that took or may still take money back; failed and canceled ones give it back to refund.
const OPEN_REFUND = ['pending', 'requires_action', 'succeeded'];

/** Admins refund any payment, providers their own (others do not exist for them), up to what remains. */
export async function refundPayment(payables: PayableRegistry, paymentId: string, input: { amount?: number; reason: string }, actor: PublicUser): Promise<RefundDto> {
  if (!isPaymentId(paymentId)) throw new AppError('not_found', 'Payment not found.');
  const [payment] = await getDb().select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  const visible = payment && (actor.role === 'admin' || (actor.role === 'provider' && payment.providerId === actor.id));
  if (!payment || !visible) throw new AppError('not_found', 'Payment not found.');
  return refund(payables, payment, input, actor);
}

/** Refunds whatever remains of a payable's succeeded payment (an in-time cancellation); null when nothing was paid by card. */
export async function refundForPayable(payables: PayableRegistry, payable: PayableRef, reason: string, actor: AuditActor): Promise<RefundDto | null> {
  const [payment] = await getDb()
    .select()
    .from(payments)
    .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
    .limit(1);
  if (!payment || !['succeeded', 'partially_refunded'].includes(payment.status)) return null;
  if ((await remainingOf(payment)) <= 0) return null;
  return refund(payables, payment, { reason }, actor);
}

async function remainingOf(payment: Payment): Promise<number> {
  const [row] = await getDb()
    .select({ requested: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, OPEN_REFUND)));
  return payment.amount - Math.max(row?.requested ?? 0, payment.refundedAmount);
}

async function refund(payables: PayableRegistry, payment: Payment, input: { amount?: number; reason: string }, actor: AuditActor): Promise<RefundDto> {
  // M-Pesa has no refund: a Transaction Reversal, whole, settled by its asynchronous Result.
  if (payment.provider === 'mpesa') return reverseMpesaPayment(payment, input, actor);
  if (!['succeeded', 'partially_refunded'].includes(payment.status)) {
    throw new AppError('invalid_transition', `Only a paid payment can be refunded; this one is ${payment.status}.`);
  }
  const remaining = await remainingOf(payment);
  const amount = input.amount ?? remaining;
  // PRODUCT.md's pattern: a state that forbids it is a 409, a rule the caller can fix a 422.
  if (remaining <= 0) throw new AppError('conflict', 'This payment has already been refunded in full.');
  if (amount > remaining) {
    throw new AppError(
      'unprocessable',
      `The refund (${formatMoney({ amount, currency: payment.currency })}) is more than what remains of this payment (${formatMoney({ amount: remaining, currency: payment.currency })}).`,
      { fields: { amount: [`must be at most ${remaining}`] } },
    );
  }
  let created;
  try {
    // The key names the payment and its state: a double click, or a retry of a cancellation's refund whose
    // answer was lost, makes one refund; a later partial a new one.
    created = await getStripe().refunds.create(
      { payment_intent: payment.id, amount, reason: 'requested_by_customer', metadata: { reason: input.reason, requested_by: actor.id ?? 'system' } },
      { idempotencyKey: `refund-${payment.id}-${payment.amount - remaining}-${amount}` },
    );
  } catch (err) {
    const message = invalidRequestMessage(err);
    if (message) throw new AppError('unprocessable', message, { cause: err });
    throw err;
  }
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(refunds)
      .values({ id: created.id, paymentId: payment.id, amount: created.amount, status: created.status ?? 'pending', reason: input.reason, requestedBy: actor.id })
      .onConflictDoUpdate({ target: refunds.id, set: { requestedBy: actor.id, reason: input.reason } })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    // A double click reaches Stripe's idempotent answer twice; the refund is recorded once.
    if (!row?.inserted) return;
    await recordAudit(tx, actor, {
      action: 'payment.refunded',
      subject_type: 'payment',
      subject_id: payment.id,
      before: { status: payment.status, refunded: payment.amount - remaining, currency: payment.currency },
      after: { refund_id: created.id, amount: created.amount, currency: created.currency, status: created.status ?? 'pending' },
      note: input.reason,
    });
  });
  // Apply it now; the refund's webhooks will find nothing left to do.
  await syncRefunds(payables, payment.id);
  return { id: created.id, payment_id: payment.id, amount: { amount: created.amount, currency: created.currency }, status: created.status ?? 'pending', reason: input.reason };
}

/**
 * The worker's auto-refund job: a payment succeeded for a payable that could
 * no longer take it (a hold that expired, a booking cancelled meanwhile), so
 * all of it goes back. Keyed by the payment at Stripe, so a retried job makes
 * one refund; a payment already refunded in full is done.
 */
export async function refundAutomatically(payables: PayableRegistry, paymentIntentId: string): Promise<void> {
  if (paymentIntentId.startsWith('mp_')) return reverseAutomatically(paymentIntentId);
  try {
    await getStripe().refunds.create(
      { payment_intent: paymentIntentId, reason: 'requested_by_customer', metadata: { reason: 'auto: payable no longer available' } },
      { idempotencyKey: `auto-refund-${paymentIntentId}` },
    );
  } catch (err) {
    if (stripeErrorCode(err) !== 'charge_already_refunded') throw err;
    logger.info('automatic refund: already refunded', { payment_intent: paymentIntentId });
  }
  await syncRefunds(payables, paymentIntentId);
}
