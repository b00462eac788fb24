import 'server-only';
import type { PaymentState } from '@/db/schema';
import { now } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { getDb } from '@/db/client';
import type { PayableRegistry, PayableType } from '@/lib/payables';
import { paymentStatus, unsettledPayments } from './queries';
import { getStripe } from './stripe-client';
import type { StripePaymentIntent } from './stripe-types';
import { reconcileMpesa } from './mpesa';
import { syncPaymentIntent } from './sync';

// Stripe lets these be canceled; a processing or finished PaymentIntent cannot be.
const CANCELABLE: ReadonlySet<StripePaymentIntent['status']> = new Set(['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture']);

export interface ReconcileFinding {
  id: string;
  from: PaymentState;
  /** The status the payment has (with update) or should have (without) once Stripe's state is applied. */
  to: PaymentState;
  /** What Stripe (or, for M-Pesa, STK Query) says, and what was done about it. */
  stripe_status: string;
  provider?: 'card' | 'mpesa';
  action: 'synced' | 'canceled' | 'reported';
}

export interface ReconcileResult {
  checked: number;
  changed: ReconcileFinding[];
  /** PaymentIntents that could not be read or applied; the next run tries again. */
  errors: { id: string; message: string }[];
}

/** The local status a PaymentIntent's state maps to (what syncPaymentIntent writes). */
function expectedStatus(pi: StripePaymentIntent, current: PaymentState): PaymentState {
  switch (pi.status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'processing':
    case 'requires_action':
      return current === 'canceled' ? current : 'pending';
    case 'requires_payment_method':
      return pi.last_payment_error ? 'failed' : current;
    default:
      return current;
  }
}

/**
 * Seed 004's check_pending_payments: every payment still created, pending or
 * failed after `olderThanMinutes` is read back from Stripe, so a lost webhook
 * never leaves a paid booking unconfirmed. A PaymentIntent whose payable no
 * longer wants paying (hold expired, booking cancelled) is canceled when
 * Stripe still allows it, so no hold or authorisation stays stuck. Without
 * `update` it only reports.
 */
export async function reconcilePendingPayments(payables: PayableRegistry, options: { olderThanMinutes: number; update: boolean }): Promise<ReconcileResult> {
  const cutoff = new Date(now().getTime() - options.olderThanMinutes * 60_000);
  const candidates = await unsettledPayments(cutoff);
  const result: ReconcileResult = { checked: 0, changed: [], errors: [] };

  // M-Pesa prompts still pending are asked about by STK Query (a lost callback); without update, only counted.
  const mpesa = await reconcileMpesa(payables, { olderThanSeconds: options.olderThanMinutes * 60, update: options.update });
  result.checked += mpesa.checked;
  result.errors.push(...mpesa.errors);
  for (const r of mpesa.resolved) {
    result.changed.push({ id: r.payment_id, from: 'pending', to: (await paymentStatus(r.payment_id)) ?? r.state, stripe_status: `STK Query: ${r.state}`, action: 'synced', provider: 'mpesa' });
  }

  if (candidates.length === 0) return result;
  const stripe = getStripe();
  for (const payment of candidates) {
    result.checked++;
    try {
      let pi = await stripe.paymentIntents.retrieve(payment.id);
      let action: ReconcileFinding['action'] = 'reported';

      if (CANCELABLE.has(pi.status)) {
        const handler = payables[payment.payableType as PayableType];
        const wanted = handler ? await handler.charge(getDb(), payment.payableId) : null;
        if (!wanted) {
          if (!options.update) {
            result.changed.push({ id: payment.id, from: payment.status, to: 'canceled', stripe_status: `${pi.status} (payable no longer owes it)`, action });
            continue;
          }
          pi = await stripe.paymentIntents.cancel(payment.id, { cancellation_reason: 'abandoned' }, { idempotencyKey: `reconcile-cancel-${payment.id}` });
          action = 'canceled';
        }
      }

      const expected = expectedStatus(pi, payment.status);
      if (expected === payment.status && action === 'reported') continue;
      if (options.update) {
        await syncPaymentIntent(payables, payment.id);
        if (action === 'reported') action = 'synced';
      }
      const to = options.update ? ((await paymentStatus(payment.id)) ?? expected) : expected;
      result.changed.push({ id: payment.id, from: payment.status, to, stripe_status: pi.status, action });
    } catch (err) {
      // Drizzle wraps driver errors: the cause says what went wrong.
      const cause = (err as Error)?.cause;
      const message = `${(err as Error)?.message ?? String(err)}${cause instanceof Error ? ` (${cause.message})` : ''}`;
      result.errors.push({ id: payment.id, message });
      logger.warn('reconcile payment failed', { payment_intent: payment.id, message });
    }
  }
  if (result.changed.length > 0 || result.errors.length > 0) {
    logger.info('payments reconciled', { checked: result.checked, changed: result.changed.length, errors: result.errors.length, update: options.update });
  }
  return result;
}
