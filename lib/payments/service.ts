import 'server-only';
import type { Tx } from '@/db/client';
import type { PayableCharge, PayableRef, PayableRegistry, PaymentRecorder } from '@/lib/payables';
import type { PublicUser } from '@/lib/users';
import { checkoutFor } from './checkout';
import { recordExternalPayment } from './external';
import { paymentForNewPayable, settleCancelledPayable } from './payable-flow';
import { requeueStaleOwedRefunds, retryOwedRefund } from './owed-refunds';
import { queryAndApply, reconcileMpesa, startMpesaPayment } from './mpesa';
import { handleReversalResult, handleStkCallback } from './mpesa-callbacks';
import { reconcilePendingPayments } from './reconcile';
import { refundAutomatically, refundForPayable, refundPayment } from './refunds';
import { startPayment } from './start';
import type { StripeEvent, StripePaymentIntent } from './stripe-types';
import { syncPaymentIntent, syncRefunds } from './sync';
import { handleStripeEvent } from './webhook';
import { backfillStripeEvents, replayWebhookEvent } from './webhook-events';

/**
 * The payments that need to know what is paid for, bound to the payables that
 * say it. Payments never import bookings, packages or credits: lib/flows
 * builds the registry of payable handlers and calls this once.
 */
export function createPayments(payables: PayableRegistry) {
  return {
    /** The card payment (PaymentIntent) of a payable, created once. */
    start: (payable: PayableRef, user: PublicUser) => startPayment(payables, payable, user),
    /** The Payment Element's PaymentIntent or a hosted Checkout Session, by the checkout_mode setting. */
    checkout: (payable: PayableRef, user: PublicUser, origin: string, paths: { paid: string; back: string }) => checkoutFor(payables, payable, user, origin, paths),
    /** The payment a newly made payable needs, or null; never throws for a Stripe failure. */
    forNewPayable: (payable: PayableRef, user: PublicUser, awaitingPayment: boolean) => paymentForNewPayable(payables, payable, user, awaitingPayment),
    /** What a cancelled payable is owed back by card. */
    settleCancelled: (payable: PayableRef, outcome: { refundDue: 'full' | 'none' | null; paymentStatus: string }, reason: string, actor: PublicUser) =>
      settleCancelledPayable(payables, payable, outcome, reason, actor),
    handleStripeEvent: (event: StripeEvent) => handleStripeEvent(payables, event),
    /** Runs a received event's handler again (a handled one is a no-op); audited. */
    replayWebhookEvent: (id: string, actor: PublicUser) => replayWebhookEvent(payables, id, actor),
    /** Handles the events Stripe listed since an instant that the app never received; audited. */
    backfillStripeEvents: (since: Date, actor: PublicUser) => backfillStripeEvents(payables, since, actor),
    syncPaymentIntent: (paymentIntentId: string) => syncPaymentIntent(payables, paymentIntentId),
    syncRefunds: (paymentIntentId: string) => syncRefunds(payables, paymentIntentId),
    refund: (paymentId: string, input: { amount?: number; reason: string }, actor: PublicUser) => refundPayment(payables, paymentId, input, actor),
    refundForPayable: (payable: PayableRef, reason: string, actor: PublicUser) => refundForPayable(payables, payable, reason, actor),
    refundAutomatically: (paymentIntentId: string) => refundAutomatically(payables, paymentIntentId),
    /** The cancel-refund job: one more attempt at a refund a cancellation owes (throws to be retried). */
    retryOwedRefund: (paymentId: string) => retryOwedRefund(payables, paymentId),
    /** Queues again owed refunds whose tries ran out or whose job was lost. */
    requeueStaleOwedRefunds: () => requeueStaleOwedRefunds(),
    /** Sends (or, after a failed prompt, re-sends) the M-Pesa STK Push of a payable in KES. */
    startMpesa: (payable: PayableRef, user: PublicUser, input: { phone?: string; samePhone?: boolean }) => startMpesaPayment(payables, payable, user, input),
    handleMpesaCallback: (body: unknown) => handleStkCallback(payables, body),
    handleMpesaReversalResult: (body: unknown) => handleReversalResult(payables, body),
    /** STK Query for every M-Pesa prompt pending longer than `olderThanSeconds` (a lost callback). */
    reconcileMpesa: (options: { olderThanSeconds: number; update: boolean }) => reconcileMpesa(payables, options),
    queryMpesa: (checkoutRequestId: string) => queryAndApply(payables, checkoutRequestId),
    reconcile: (options: { olderThanMinutes: number; update: boolean }) => reconcilePendingPayments(payables, options),
    recordExternalPayment: (tx: Tx, input: { paymentIntent: StripePaymentIntent; payable: PayableRef; charge?: PayableCharge; recordedBy: PaymentRecorder }) =>
      recordExternalPayment(payables, tx, input),
  };
}

export type Payments = ReturnType<typeof createPayments>;
