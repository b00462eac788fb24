import 'server-only';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { owedRefunds, payments, users } from '@/db/schema';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { enqueue, QUEUES } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import type { Money } from '@/lib/money';
import type { PayableRef, PayableRegistry, PayableType } from '@/lib/payables';
import { refundForPayable, type RefundDto } from './refunds';
import { syncRefunds } from './sync';

/**
 * Refunds a cancellation owes that the provider did not accept at once. The
 * first failure records the debt and queues the cancel-refund job in one
 * transaction, once per payment (the row's key decides); the job retries with
 * backoff until the refund is made, and admins see the debt meanwhile.
 */

/**
 * How often, and how far apart, the worker tries again: 2 s doubling (with
 * jitter) up to pg-boss's cap of about 1.5 days between tries, 20 tries in at
 * most about 9 days, inside the 14 days pg-boss keeps a job. A refund still owed
 * after them (or whose job was lost) is queued again by requeueStaleOwedRefunds.
 */
const RETRY = { retryLimit: 20, retryDelay: 2, retryBackoff: true } as const;
/** Longer than any gap between two tries: an owed refund untouched this long has no job left. */
const STALE_MS = 2 * 24 * 60 * 60_000;

/** An owed refund as admins see it: when, how often tried, and the last error (the provider's words, cut short). */
export interface RefundOwedDto {
  since: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: string | null;
}

/** The provider's message of a failed attempt, short, on one line; never a card or a person. */
function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'Unknown error';
}

/**
 * Refunds what remains of a cancelled payable's payment now; when the provider
 * refuses or cannot be reached, records the refund as owed and queues its
 * retries (both or neither), and answers null. The cancellation stands either way.
 */
export async function refundOrOwe(payables: PayableRegistry, payable: PayableRef, reason: string, actor: AuditActor): Promise<RefundDto | null> {
  try {
    return await refundForPayable(payables, payable, reason, actor);
  } catch (err) {
    const [payment] = await getDb()
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id)))
      .limit(1);
    if (!payment) throw err;
    const at = now();
    const queued = await getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(owedRefunds)
        .values({ paymentId: payment.id, payableType: payable.type, payableId: payable.id, reason, requestedBy: actor.id, attempts: 1, lastError: errorText(err), lastAttemptAt: at, createdAt: at, updatedAt: at })
        .onConflictDoNothing()
        .returning({ paymentId: owedRefunds.paymentId });
      // Owed already (a second cancellation path reaching the same payment): its job is on it.
      if (!row) return false;
      await enqueue(tx, QUEUES.cancelRefund, { paymentId: payment.id }, { singletonKey: payment.id, ...RETRY });
      return true;
    });
    logger.warn('refund after cancellation failed; owed and queued for retry', { payment_id: payment.id, payable_type: payable.type, payable_id: payable.id, queued, message: errorText(err) });
    return null;
  }
}

/**
 * The worker's cancel-refund job: one more attempt at an owed refund. First
 * reads the payment's refunds back from Stripe, so a refund an earlier attempt
 * made (its answer lost to a timeout) is counted and never made again; then
 * refunds what remains, with the same idempotency key as the first attempt.
 * A failure is recorded on the row and thrown, so pg-boss tries again later.
 */
export async function retryOwedRefund(payables: PayableRegistry, paymentId: string): Promise<'refunded' | 'settled' | 'none'> {
  const [owed] = await getDb()
    .select()
    .from(owedRefunds)
    .where(and(eq(owedRefunds.paymentId, paymentId), isNull(owedRefunds.settledAt)))
    .limit(1);
  if (!owed) return 'none';
  let refund: RefundDto | null;
  try {
    if (!paymentId.startsWith('mp_')) await syncRefunds(payables, paymentId);
    refund = await refundForPayable(payables, { type: owed.payableType as PayableType, id: owed.payableId }, owed.reason, SYSTEM_ACTOR);
  } catch (err) {
    await getDb()
      .update(owedRefunds)
      .set({ attempts: sql`${owedRefunds.attempts} + 1`, lastError: errorText(err), lastAttemptAt: now(), updatedAt: now() })
      .where(eq(owedRefunds.paymentId, paymentId));
    throw err;
  }
  const at = now();
  await getDb()
    .update(owedRefunds)
    .set({ attempts: sql`${owedRefunds.attempts} + 1`, lastAttemptAt: at, refundId: refund?.id ?? null, settledAt: at, updatedAt: at })
    .where(and(eq(owedRefunds.paymentId, paymentId), isNull(owedRefunds.settledAt)));
  // No refund made: nothing remained (refunded meanwhile, by an admin or an earlier attempt Stripe did make).
  return refund ? 'refunded' : 'settled';
}

/** The worker's safety net: owed refunds no attempt has touched for longer than any backoff gap get a new cycle of tries. */
export async function requeueStaleOwedRefunds(): Promise<number> {
  const at = now();
  return getDb().transaction(async (tx) => {
    const stale = await tx
      .update(owedRefunds)
      .set({ updatedAt: at })
      .where(and(isNull(owedRefunds.settledAt), lt(owedRefunds.updatedAt, new Date(at.getTime() - STALE_MS))))
      .returning({ paymentId: owedRefunds.paymentId });
    for (const { paymentId } of stale) await enqueue(tx, QUEUES.cancelRefund, { paymentId }, { singletonKey: paymentId, ...RETRY });
    return stale.length;
  });
}

export interface OwedRefundListItem extends RefundOwedDto {
  payment_id: string;
  payable: { type: string; id: string };
  client: { id: string; name: string };
  amount: Money;
}

/** Every refund still owed, oldest first (the admin payments page); a payment refunded in full meanwhile is no longer owed. */
export async function listOwedRefunds(): Promise<OwedRefundListItem[]> {
  const rows = await getDb()
    .select({ owed: owedRefunds, amount: payments.amount, refunded: payments.refundedAmount, currency: payments.currency, status: payments.status, clientId: payments.userId, clientName: users.name })
    .from(owedRefunds)
    .innerJoin(payments, eq(payments.id, owedRefunds.paymentId))
    .innerJoin(users, eq(users.id, payments.userId))
    .where(and(isNull(owedRefunds.settledAt), sql`${payments.status} <> 'refunded'`))
    .orderBy(asc(owedRefunds.createdAt))
    .limit(200);
  return rows.map((r) => ({
    payment_id: r.owed.paymentId,
    payable: { type: r.owed.payableType, id: r.owed.payableId },
    client: { id: r.clientId, name: r.clientName },
    amount: { amount: r.amount - r.refunded, currency: r.currency },
    ...toRefundOwedDto(r.owed),
  }));
}

export function toRefundOwedDto(owed: typeof owedRefunds.$inferSelect): RefundOwedDto {
  return { since: owed.createdAt.toISOString(), attempts: owed.attempts, last_error: owed.lastError, last_attempt_at: owed.lastAttemptAt?.toISOString() ?? null };
}
