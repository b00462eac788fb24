import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { mpesaRequests, payments, paymentTransactions, refunds, type Payment } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { isPaymentId } from '@/lib/fields';
import { logger } from '@/lib/logger';
import { formatMoney, type Money } from '@/lib/money';
import type { PayableCharge, PayableHandler, PayableRef, PayableRegistry } from '@/lib/payables';
import { maskPhone, normaliseKenyanPhone, PHONE_HINT } from '@/lib/phone';
import type { PublicUser } from '@/lib/users';
import { applyRefunds, handlerOf, lockPayment, queueAutoRefund } from './apply';
import { DarajaError, mpesaConfigured, reverseTransaction, STILL_PROCESSING, stkPush, stkQuery } from './mpesa-client';
import { MPESA_MAX_SHILLINGS, mpesaResultMessage } from './mpesa-results';
import type { RefundDto } from './refunds';
import { chargeFor, newPaymentRow, storePaymentRow } from './start';
import type { StripeRefund } from './stripe-types';

/**
 * M-Pesa Express (STK Push) behind the same payments as cards: one payments
 * row per payable (provider 'mpesa', our own id), one mpesa_requests row per
 * prompt sent to the phone (a resend is a new prompt), each resolved once by
 * its callback or by STK Query, in one transaction with its effect.
 */

const SETTLED = ['succeeded', 'refunded', 'partially_refunded'] as const;
const WAITING = ['created', 'pending', 'failed'] as const;

export interface MpesaPaymentDto {
  id: string;
  provider: 'mpesa';
  checkout_request_id: string;
  status: Payment['status'];
  amount: Money;
  /** All but the last 3 digits hidden. */
  phone: string;
  customer_message: string;
}

/** Why an amount cannot be paid by M-Pesa (KES, whole shillings, 1 to 250,000), or null. */
export function mpesaAmountProblem(amount: Money): { field: string; message: string } | null {
  if (amount.currency !== 'kes') {
    return { field: 'pay_with', message: `M-Pesa takes prices in KES only; this one is in ${amount.currency.toUpperCase()}. Pay by card instead.` };
  }
  if (amount.amount % 100 !== 0) return { field: 'amount', message: 'M-Pesa takes whole shillings only; this price has cents.' };
  const shillings = amount.amount / 100;
  if (shillings < 1 || shillings > MPESA_MAX_SHILLINGS) return { field: 'amount', message: `M-Pesa takes KES 1 to KES ${MPESA_MAX_SHILLINGS.toLocaleString('en-KE')}; this price is ${formatMoney(amount)}.` };
  return null;
}

/** The phone in Daraja's form (2547… / 2541…), or a 400 naming the field. */
export function requirePhone(input: string | undefined): string {
  const phone = input ? normaliseKenyanPhone(input) : null;
  if (!phone) throw new AppError('bad_request', input ? `That is not a Kenyan mobile number. ${PHONE_HINT}` : `A phone number is needed for M-Pesa. ${PHONE_HINT}`, { fields: { phone: [input ? 'must be a Kenyan mobile number (07…, 01…, +254…)' : 'is required'] } });
  return phone;
}

/**
 * Sends the STK Push for a payable in KES: the amount and currency are the
 * server's, checked before Daraja is called. The payments row exists before
 * the push; the prompt's row is written before this answers. While a prompt
 * is still waiting on the phone, a second one is refused (409); after a failed
 * one, this is the resend.
 */
export async function startMpesaPayment(
  payables: PayableRegistry,
  payable: PayableRef,
  user: PublicUser,
  input: { phone?: string; samePhone?: boolean },
): Promise<MpesaPaymentDto> {
  // `samePhone`: the resend from the waiting page, to the number the last prompt went to.
  const typed = input.samePhone ? null : requirePhone(input.phone);
  const charge = await chargeFor(payables, payable, user, 'mpesa');
  const problem = mpesaAmountProblem(charge.amount);
  if (problem) throw new AppError('unprocessable', problem.message, { fields: { [problem.field]: [problem.message] } });

  const payment = await mpesaPaymentRow(payables, charge);
  const phone = typed ?? (payment.mpesaPhone ? payment.mpesaPhone : requirePhone(undefined));
  await refuseWhileWaiting(payables, payment.id);

  let push;
  try {
    push = await stkPush({
      amountShillings: charge.amount.amount / 100,
      phone,
      accountReference: `WB${payable.id.replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      description: payable.type === 'package' ? 'Class package' : 'Booking',
    });
  } catch (err) {
    throw darajaRefusal(err);
  }
  const at = now();
  await getDb().transaction(async (tx) => {
    await tx.insert(mpesaRequests).values({
      checkoutRequestId: push.CheckoutRequestID,
      merchantRequestId: push.MerchantRequestID,
      paymentId: payment.id,
      phone,
      amount: charge.amount.amount,
      createdAt: at,
    });
    await tx
      .update(payments)
      .set({ status: 'pending', mpesaPhone: phone, failureCode: null, failureMessage: null, updatedAt: at })
      .where(and(eq(payments.id, payment.id), inArray(payments.status, [...WAITING])));
  });
  return {
    id: payment.id,
    provider: 'mpesa',
    checkout_request_id: push.CheckoutRequestID,
    status: 'pending',
    amount: charge.amount,
    phone: maskPhone(phone),
    customer_message: push.CustomerMessage,
  };
}

function darajaRefusal(err: unknown): unknown {
  if (!(err instanceof DarajaError)) return err;
  logger.warn('M-Pesa refused an STK Push', { status: err.status, error_code: err.errorCode, message: err.message });
  if (err.errorCode === STILL_PROCESSING) {
    return new AppError('conflict', 'A request is already waiting on that phone. Answer or cancel it there, then try again.');
  }
  if (err.status >= 400 && err.status < 500) return new AppError('unprocessable', `M-Pesa refused the request: ${err.message}`);
  return new AppError('service_unavailable', 'M-Pesa could not take the request just now. Please try again in a moment.');
}

/** The payable's M-Pesa payments row, created (and the payable told) on the first ask. */
async function mpesaPaymentRow(payables: PayableRegistry, charge: PayableCharge): Promise<Payment> {
  const find = async () => {
    const [row] = await getDb()
      .select()
      .from(payments)
      .where(and(eq(payments.payableType, charge.payable.type), eq(payments.payableId, charge.payable.id)))
      .limit(1);
    return row;
  };
  let row = await find();
  if (!row) {
    const id = `mp_${randomBytes(12).toString('hex')}`;
    await getDb().transaction((tx) => storePaymentRow(payables, tx, { ...newPaymentRow(id, charge), provider: 'mpesa' }));
    row = await find();
  }
  if (!row) throw new Error(`payment row of ${charge.payable.type} ${charge.payable.id} neither stored nor found`);
  if (row.provider !== 'mpesa') throw new AppError('conflict', 'This is already being paid by card; finish or cancel that payment first.');
  if ((SETTLED as readonly string[]).includes(row.status)) throw new AppError('invalid_transition', 'This is already paid.');
  return row;
}

/** A prompt still pending is asked about first (its callback may be lost); one still on the phone refuses a new one. */
async function refuseWhileWaiting(payables: PayableRegistry, paymentId: string): Promise<void> {
  const [pending] = await getDb()
    .select({ id: mpesaRequests.checkoutRequestId })
    .from(mpesaRequests)
    .where(and(eq(mpesaRequests.paymentId, paymentId), eq(mpesaRequests.status, 'pending')))
    .orderBy(desc(mpesaRequests.createdAt))
    .limit(1);
  if (!pending) return;
  const state = await queryAndApply(payables, pending.id).catch((err: unknown) => {
    logger.warn('STK Query before a resend failed', { checkout_request_id: pending.id, message: (err as Error).message });
    return 'pending' as const;
  });
  if (state === 'pending') throw new AppError('conflict', 'A request is already waiting on your phone. Answer or cancel it there, or wait a minute and try again.');
  if (state === 'succeeded') throw new AppError('invalid_transition', 'This is already paid.');
}

export interface StkResult {
  checkoutRequestId: string;
  resultCode: number;
  resultDesc: string;
  /** From a callback's CallbackMetadata (success only). */
  metadata?: { amount?: number; receipt?: string; phone?: string };
}

export type StkOutcome = 'applied' | 'duplicate' | 'unknown' | 'rejected';

/**
 * Applies an STK Push result once: the prompt's row is locked and moved from
 * 'pending' in the same transaction as the payment, the ledger row (keyed by
 * the CheckoutRequestID) and the payable's outcome. A repeat is a duplicate; a
 * callback whose amount or phone is not the prompt's is rejected and changes nothing.
 */
export async function applyStkResult(payables: PayableRegistry, tx: Tx, result: StkResult, source: 'callback' | 'query'): Promise<StkOutcome> {
  const [request] = await tx.select().from(mpesaRequests).where(eq(mpesaRequests.checkoutRequestId, result.checkoutRequestId)).for('update').limit(1);
  if (!request) return 'unknown';
  const paid = result.resultCode === 0;
  if (paid && source === 'callback') {
    const m = result.metadata;
    if (!m || m.amount === undefined || m.amount * 100 !== request.amount || m.phone !== request.phone || !m.receipt) {
      logger.warn('M-Pesa callback does not match its prompt; ignored', {
        checkout_request_id: request.checkoutRequestId,
        amount_matches: m?.amount !== undefined && m.amount * 100 === request.amount,
        phone_matches: m?.phone === request.phone,
        has_receipt: Boolean(m?.receipt),
      });
      return 'rejected';
    }
  }
  const at = now();
  if (source === 'callback') {
    await tx
      .update(mpesaRequests)
      .set({ callbackCount: sql`${mpesaRequests.callbackCount} + 1` })
      .where(eq(mpesaRequests.checkoutRequestId, request.checkoutRequestId));
  }
  if (request.status !== 'pending') {
    // A query resolved it first: the late callback still brings the receipt, which a reversal needs.
    if (paid && result.metadata?.receipt && !request.receipt) await recordReceipt(tx, request.checkoutRequestId, request.paymentId, result.metadata.receipt);
    return 'duplicate';
  }
  const receipt = paid ? (result.metadata?.receipt ?? null) : null;
  await tx
    .update(mpesaRequests)
    .set({ status: paid ? 'succeeded' : 'failed', resultCode: result.resultCode, resultDesc: result.resultDesc, receipt, resolvedBy: source, resolvedAt: at })
    .where(eq(mpesaRequests.checkoutRequestId, request.checkoutRequestId));
  const payment = await lockPayment(tx, request.paymentId);
  if (!payment) throw new Error(`M-Pesa request ${request.checkoutRequestId} has no payment ${request.paymentId}`);
  const handler = handlerOf(payables, payment);
  if (paid) {
    await applyMpesaSucceeded(handler, tx, payment, request.checkoutRequestId, receipt, at);
  } else {
    const [failed] = await tx
      .update(payments)
      .set({ status: 'failed', failureCode: String(result.resultCode), failureMessage: mpesaResultMessage(result.resultCode), updatedAt: at })
      .where(and(eq(payments.id, payment.id), inArray(payments.status, [...WAITING])))
      .returning({ id: payments.id });
    if (failed) await handler.paymentFailed(tx, payment.payableId, payment.id);
  }
  return 'applied';
}

async function recordReceipt(tx: Tx, checkoutRequestId: string, paymentId: string, receipt: string): Promise<void> {
  await tx.update(mpesaRequests).set({ receipt }).where(eq(mpesaRequests.checkoutRequestId, checkoutRequestId));
  await tx.update(payments).set({ mpesaReceipt: receipt, updatedAt: now() }).where(and(eq(payments.id, paymentId), sql`${payments.mpesaReceipt} is null`));
}

async function applyMpesaSucceeded(handler: PayableHandler, tx: Tx, payment: Payment, checkoutRequestId: string, receipt: string | null, at: Date): Promise<void> {
  const [newlySucceeded] = await tx
    .update(payments)
    .set({ status: 'succeeded', mpesaReceipt: receipt, failureCode: null, failureMessage: null, succeededAt: at, updatedAt: at })
    .where(and(eq(payments.id, payment.id), notInArray(payments.status, [...SETTLED])))
    .returning({ id: payments.id });
  if (!newlySucceeded) {
    // Only one prompt waits at a time, so a second paid prompt should not happen; if it does, people must look.
    logger.error('a second M-Pesa prompt was paid for a payment already settled', { payment_id: payment.id, checkout_request_id: checkoutRequestId });
  }
  // Keyed by the prompt: applying the same result again adds no second ledger row.
  await tx
    .insert(paymentTransactions)
    .values({
      paymentId: payment.id,
      type: payment.payableType === 'package' ? 'purchase' : 'single',
      stripeObjectId: `mpesa:${checkoutRequestId}`,
      gross: payment.amount,
      fee: payment.feeAmount,
      net: payment.providerAmount,
      currency: payment.currency,
      metadata: { provider: 'mpesa', checkout_request_id: checkoutRequestId, receipt, payable_type: payment.payableType, payable_id: payment.payableId },
    })
    .onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
  if (!newlySucceeded) return;
  const accepted = await handler.paymentSucceeded(tx, payment.payableId, { paymentRef: payment.id, amount: { amount: payment.amount, currency: payment.currency }, recordedBy: null });
  if (!accepted) await queueAutoRefund(tx, payment);
}

/** Asks STK Query about one prompt and applies a final answer; what the prompt's state is afterwards. */
export async function queryAndApply(payables: PayableRegistry, checkoutRequestId: string): Promise<'pending' | 'succeeded' | 'failed'> {
  let answer;
  try {
    answer = await stkQuery(checkoutRequestId);
  } catch (err) {
    if (err instanceof DarajaError && err.errorCode === STILL_PROCESSING) {
      await getDb().update(mpesaRequests).set({ lastQueriedAt: now() }).where(eq(mpesaRequests.checkoutRequestId, checkoutRequestId));
      return 'pending';
    }
    throw err;
  }
  const resultCode = Number(answer.ResultCode);
  if (!Number.isInteger(resultCode)) throw new Error(`STK Query answered without a result code for ${checkoutRequestId}`);
  await getDb().transaction(async (tx) => {
    await applyStkResult(payables, tx, { checkoutRequestId, resultCode, resultDesc: answer.ResultDesc }, 'query');
    await tx.update(mpesaRequests).set({ lastQueriedAt: now() }).where(eq(mpesaRequests.checkoutRequestId, checkoutRequestId));
  });
  return resultCode === 0 ? 'succeeded' : 'failed';
}

export interface MpesaReconcileResult {
  checked: number;
  resolved: { checkout_request_id: string; payment_id: string; state: 'succeeded' | 'failed' }[];
  still_pending: number;
  errors: { id: string; message: string }[];
}

/**
 * Seed 004's check_pending_payments for M-Pesa: every prompt still pending
 * after `olderThanSeconds` is asked about by STK Query, so a lost callback
 * still confirms what was paid. Without `update` nothing is asked or changed.
 */
export async function reconcileMpesa(payables: PayableRegistry, options: { olderThanSeconds: number; update: boolean; limit?: number }): Promise<MpesaReconcileResult> {
  const result: MpesaReconcileResult = { checked: 0, resolved: [], still_pending: 0, errors: [] };
  // A deployment without M-Pesa has no prompts to ask about.
  if (!mpesaConfigured()) return result;
  const cutoff = new Date(now().getTime() - options.olderThanSeconds * 1000);
  const pending = await getDb()
    .select({ id: mpesaRequests.checkoutRequestId, paymentId: mpesaRequests.paymentId })
    .from(mpesaRequests)
    .where(and(eq(mpesaRequests.status, 'pending'), lte(mpesaRequests.createdAt, cutoff)))
    .orderBy(asc(mpesaRequests.createdAt))
    .limit(options.limit ?? 500);
  if (!options.update) return { ...result, checked: pending.length, still_pending: pending.length };
  for (const request of pending) {
    result.checked++;
    try {
      const state = await queryAndApply(payables, request.id);
      if (state === 'pending') result.still_pending++;
      else result.resolved.push({ checkout_request_id: request.id, payment_id: request.paymentId, state });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      result.errors.push({ id: request.id, message });
      logger.warn('STK Query of a pending M-Pesa payment failed', { checkout_request_id: request.id, message });
    }
  }
  if (result.resolved.length > 0 || result.errors.length > 0) {
    logger.info('M-Pesa payments reconciled', { checked: result.checked, resolved: result.resolved.length, errors: result.errors.length });
  }
  return result;
}

/** The one reversal of an M-Pesa payment: M-Pesa reverses a transaction whole, never in part. */
export function reversalId(paymentId: string): string {
  return `mprev_${paymentId}`;
}

/**
 * Refunds an M-Pesa payment by Transaction Reversal, in full only. The refund
 * row is claimed before Daraja is called (a double click reverses once); the
 * Result, posted later to /api/mpesa/result, settles it.
 */
export async function reverseMpesaPayment(payment: Payment, input: { amount?: number; reason: string }, actor: AuditActor | null): Promise<RefundDto> {
  if (input.amount !== undefined && input.amount !== payment.amount) {
    const message = `M-Pesa payments are refunded in full only (${formatMoney({ amount: payment.amount, currency: payment.currency })}).`;
    throw new AppError('unprocessable', message, { fields: { amount: [message] } });
  }
  if (payment.status !== 'succeeded') throw new AppError('invalid_transition', `Only a paid payment can be refunded; this one is ${payment.status}.`);
  if (!payment.mpesaReceipt) throw new AppError('conflict', 'The M-Pesa receipt of this payment has not arrived yet, so it cannot be reversed. Try again later.');
  const id = reversalId(payment.id);
  const claimed = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(refunds)
      .values({ id, paymentId: payment.id, amount: payment.amount, status: 'pending', reason: input.reason, requestedBy: actor?.id ?? null })
      .onConflictDoUpdate({ target: refunds.id, set: { status: 'pending', reason: input.reason, requestedBy: actor?.id ?? null, updatedAt: now() }, where: sql`${refunds.status} = 'failed'` })
      .returning({ id: refunds.id });
    if (!row) return false;
    if (actor) {
      await recordAudit(tx, actor, {
        action: 'payment.refunded',
        subject_type: 'payment',
        subject_id: payment.id,
        before: { status: payment.status, refunded: 0, currency: payment.currency },
        after: { refund_id: id, amount: payment.amount, currency: payment.currency, status: 'pending', provider: 'mpesa' },
        note: input.reason,
      });
    }
    return true;
  });
  if (!claimed) throw new AppError('conflict', 'This payment is already being refunded, or has been.');
  try {
    const answer = await reverseTransaction({ receipt: payment.mpesaReceipt, amountShillings: payment.amount / 100, remarks: input.reason });
    logger.info('M-Pesa reversal requested', { payment_id: payment.id, conversation_id: answer.ConversationID });
  } catch (err) {
    // Not accepted: nothing moved, so the claim is released for another try.
    await getDb().update(refunds).set({ status: 'failed', updatedAt: now() }).where(and(eq(refunds.id, id), eq(refunds.status, 'pending')));
    if (err instanceof DarajaError) throw new AppError('unprocessable', `M-Pesa refused the reversal: ${err.message}`, { cause: err });
    throw err;
  }
  return { id, payment_id: payment.id, amount: { amount: payment.amount, currency: payment.currency }, status: 'pending', reason: input.reason };
}

export interface ReversalResult {
  resultCode: string | number;
  resultDesc: string;
  /** The receipt reversed: ResultParameters' OriginalTransactionID, else the Result's TransactionID. */
  originalReceipt: string;
}

/**
 * Applies a reversal's Result once: the refund moves from pending; when the
 * money went back, the ledger, the payment and the payable are told as for a
 * card refund. "Already reversed" means the money is back too.
 */
export async function applyReversalResult(payables: PayableRegistry, tx: Tx, result: ReversalResult): Promise<StkOutcome> {
  const [owner] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.mpesaReceipt, result.originalReceipt)).limit(1);
  if (!owner) return 'unknown';
  const payment = await lockPayment(tx, owner.id);
  if (!payment) return 'unknown';
  const id = reversalId(payment.id);
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, id)).for('update').limit(1);
  if (!refund) return 'unknown';
  if (refund.status !== 'pending') return 'duplicate';
  const reversed = String(result.resultCode) === '0' || result.resultCode === 'R000001';
  if (!reversed) {
    logger.warn('M-Pesa reversal failed', { payment_id: payment.id, result_code: String(result.resultCode), result_desc: result.resultDesc });
    await tx.update(refunds).set({ status: 'failed', updatedAt: now() }).where(eq(refunds.id, id));
    return 'applied';
  }
  const settled = { id, amount: refund.amount, currency: payment.currency, status: 'succeeded', metadata: { reason: refund.reason } } as unknown as StripeRefund;
  await applyRefunds(payables, tx, payment.id, [settled]);
  return 'applied';
}

/** The worker's automatic refund of an M-Pesa payment that paid for nothing. */
export async function reverseAutomatically(paymentId: string): Promise<void> {
  const [payment] = await getDb().select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!payment || payment.status !== 'succeeded') return;
  try {
    await reverseMpesaPayment(payment, { reason: 'auto: payable no longer available' }, null);
  } catch (err) {
    // Already claimed by an earlier run: the Result settles it. (With no receipt yet, the conflict is that: retry.)
    if (err instanceof AppError && err.code === 'conflict' && payment.mpesaReceipt) return;
    throw err;
  }
}

/** What a client polling their payment sees. */
export interface PaymentStatusDto {
  id: string;
  provider: 'card' | 'mpesa';
  status: Payment['status'];
  checkout_request_id: string | null;
  result: { code: number; message: string } | null;
  payable: { type: string; id: string };
  updated_at: string;
}

export async function paymentStatusFor(viewer: PublicUser, paymentId: string): Promise<PaymentStatusDto> {
  if (!isPaymentId(paymentId)) throw new AppError('not_found', 'Payment not found.');
  const [payment] = await getDb().select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  const visible = payment && (viewer.role === 'admin' || payment.userId === viewer.id || (viewer.role === 'provider' && payment.providerId === viewer.id));
  if (!payment || !visible) throw new AppError('not_found', 'Payment not found.');
  const [latest] = await getDb()
    .select()
    .from(mpesaRequests)
    .where(eq(mpesaRequests.paymentId, payment.id))
    .orderBy(desc(mpesaRequests.createdAt))
    .limit(1);
  const failed = latest?.status === 'failed' && latest.resultCode !== null;
  return {
    id: payment.id,
    provider: payment.provider === 'mpesa' ? 'mpesa' : 'card',
    status: payment.status,
    checkout_request_id: latest?.checkoutRequestId ?? null,
    result: failed ? { code: latest.resultCode ?? -1, message: mpesaResultMessage(latest.resultCode ?? -1) } : null,
    payable: { type: payment.payableType, id: payment.payableId },
    updated_at: payment.updatedAt.toISOString(),
  };
}
