import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { payments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { PayableCharge, PayableRef, PayableRegistry, PaymentRecorder } from '@/lib/payables';
import { applyPaymentIntent } from './apply';
import { newPaymentRow, storePaymentRow } from './start';
import { type StripePaymentIntent, stripeErrorCode } from './stripe-types';
import { retrievePaymentIntentWithCharge } from './sync';

/**
 * Payments that an integration says were made (seed 000's confirm-payment and
 * create-credit). Nothing it says is trusted: the PaymentIntent is read from
 * Stripe, and it is recorded and applied through the webhook's own path.
 */

/** A PaymentIntent an integration names, with its charge. Stripe's "resource_missing" (not on our account) is a 404. */
export async function paymentIntentNamed(id: string): Promise<StripePaymentIntent> {
  try {
    return await retrievePaymentIntentWithCharge(id);
  } catch (err) {
    if (stripeErrorCode(err) === 'resource_missing') {
      throw new AppError('not_found', 'Stripe has no such payment.', { fields: { payment_id: ['No PaymentIntent has this id.'] } });
    }
    throw err;
  }
}

/** A payment that has not succeeded cannot be applied: 422 with its status. */
export function requireSucceeded(pi: StripePaymentIntent): void {
  if (pi.status !== 'succeeded') {
    throw new AppError('unprocessable', `This payment has not succeeded (its status is ${pi.status}).`, {
      fields: { payment_id: [`The PaymentIntent is ${pi.status}, not succeeded.`] },
    });
  }
}

/** What our payments row says a PaymentIntent pays for, or null when we have no row for it. */
export async function payableOfPayment(paymentIntentId: string): Promise<PayableRef | null> {
  const [row] = await getDb().select({ type: payments.payableType, id: payments.payableId }).from(payments).where(eq(payments.id, paymentIntentId)).limit(1);
  return row ? { type: row.type as PayableRef['type'], id: row.id } : null;
}

function paysForSomethingElse(): AppError {
  return new AppError('conflict', 'This payment already pays for something else.', { fields: { payment_id: ['The PaymentIntent pays for something else.'] } });
}

/**
 * Records a succeeded PaymentIntent made outside our checkout as the payment
 * of `payable`, inside `tx`: the payments row (written as starting a payment
 * would, from `charge` or else from what the payable says it owes, never from
 * the caller's amount), then the PaymentIntent applied exactly as its webhook
 * would apply it (ledger row, payable confirmed or credited). A payment that
 * already has a row for this payable is only applied again (a no-op); one
 * that pays for something else, or a payable that is not awaiting this
 * amount, is a 409 and the transaction should roll back.
 */
export async function recordExternalPayment(
  payables: PayableRegistry,
  tx: Tx,
  input: { paymentIntent: StripePaymentIntent; payable: PayableRef; charge?: PayableCharge; recordedBy: PaymentRecorder },
): Promise<void> {
  const pi = input.paymentIntent;
  const isThePayable = (row: { type: string; id: string } | undefined) => row !== undefined && row.type === input.payable.type && row.id === input.payable.id;
  let known = await rowOf(tx, pi.id);
  let recorded = false;
  if (!known) {
    const charge = input.charge ?? (await payables[input.payable.type].charge(tx, input.payable.id));
    const same = charge && charge.payable.type === input.payable.type && charge.payable.id === input.payable.id;
    if (!same || charge.amount.amount !== pi.amount || charge.amount.currency !== pi.currency) {
      throw new AppError('conflict', 'Nothing here is awaiting a payment of this amount.', { fields: { payment_id: ['Nothing awaits a payment of this amount here.'] } });
    }
    // A concurrent identical call waits on the row's key here, then finds it taken (by the same payable, or by another).
    recorded = await storePaymentRow(payables, tx, newPaymentRow(pi.id, charge));
    known = recorded ? { type: input.payable.type, id: input.payable.id } : await rowOf(tx, pi.id);
  }
  if (!isThePayable(known)) throw paysForSomethingElse();
  // Who recorded it is kept only when this call wrote the row; otherwise it is our own checkout's payment.
  await applyPaymentIntent(payables, tx, pi, { recordedBy: recorded ? input.recordedBy : null });
}

async function rowOf(tx: Tx, paymentIntentId: string): Promise<{ type: string; id: string } | undefined> {
  const [row] = await tx.select({ type: payments.payableType, id: payments.payableId }).from(payments).where(eq(payments.id, paymentIntentId)).limit(1);
  return row;
}
