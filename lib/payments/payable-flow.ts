import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { getSetting, paymentsEnabled } from '@/lib/settings';
import type { PayableRef, PayableRegistry } from '@/lib/payables';
import type { PublicUser } from '@/lib/users';
import { refundOrOwe } from './owed-refunds';
import type { RefundDto } from './refunds';
import { startPayment, type StartedPayment } from './start';
import { getStripe } from './stripe-client';

/**
 * The payment a newly made payable needs, or null: when payments are off, when
 * it is not awaiting one, with hosted Checkout, or when Stripe failed (the payable is kept; the client
 * asks again through POST /bookings/:id/payment).
 */
export async function paymentForNewPayable(payables: PayableRegistry, payable: PayableRef, user: PublicUser, awaitingPayment: boolean): Promise<StartedPayment | null> {
  if (!awaitingPayment || !(await paymentsEnabled())) return null;
  // With hosted Checkout the client is sent to Stripe's page from POST /bookings/:id/payment instead.
  if ((await getSetting('checkout_mode')) === 'hosted') return null;
  try {
    return await startPayment(payables, payable, user);
  } catch (err) {
    // A refusal (a KES price, paid by M-Pesa from the pay page) is expected; anything else is Stripe failing.
    const log = isAppError(err) ? logger.info : logger.error;
    log('could not start the payment of a new payable', { payable_type: payable.type, payable_id: payable.id, error: (err as Error).message });
    return null;
  }
}

/**
 * What payments do once a payable is cancelled: refund what was paid by card when
 * the policy owes it in full (owed and retried by the worker when that fails), and cancel a PaymentIntent still waiting for a card
 * (a payment racing the cancellation is refunded automatically).
 */
export async function settleCancelledPayable(
  payables: PayableRegistry,
  payable: PayableRef,
  outcome: { refundDue: 'full' | 'none' | null; paymentStatus: string },
  reason: string,
  actor: PublicUser,
): Promise<RefundDto | null> {
  // A refund the provider refuses or cannot take now is owed: the worker retries it until it is made.
  if (outcome.refundDue === 'full' && ['paid', 'partially_refunded'].includes(outcome.paymentStatus)) {
    return refundOrOwe(payables, payable, reason, actor);
  }
  await cancelOpenPayment(payable);
  return null;
}

/**
 * Cancels a payable's card payment that is still waiting for a card (the
 * payable was cancelled, or paid another way). A payment that succeeds anyway,
 * racing this, is refunded automatically.
 */
export async function cancelOpenPayment(payable: PayableRef): Promise<void> {
  const [open] = await getDb()
    .select({ id: payments.id, provider: payments.provider })
    .from(payments)
    .where(and(eq(payments.payableType, payable.type), eq(payments.payableId, payable.id), inArray(payments.status, ['created', 'pending', 'failed'])))
    .limit(1);
  // An M-Pesa prompt cannot be withdrawn from the phone; if it is paid anyway, the payable refuses it and it is reversed.
  if (open && open.provider === 'card') {
    await getStripe()
      .paymentIntents.cancel(open.id, { cancellation_reason: 'abandoned' })
      .catch((err: unknown) => logger.warn('could not cancel the PaymentIntent of a settled payable', { payment_intent: open.id, message: (err as Error).message }));
  }
}
