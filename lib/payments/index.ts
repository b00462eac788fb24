import 'server-only';

/**
 * Payments (seed 003): cards through Stripe, for payables known only by type
 * and id. Operations that tell a payable what happened come from
 * `createPayments(registry)`, bound once in lib/flows; the rest is here.
 */
export { createPayments, type Payments } from './service';
export { listPaymentsQuery, payBody, refundBody, type ListPaymentsQuery, type PayBody, type RefundBody } from './api-schemas';
export type { CheckoutStart } from './checkout';
export type { HostedCheckout } from './hosted-checkout';
export type { StartedPayment } from './start';
export type { RefundDto } from './refunds';
export type { ReconcileFinding, ReconcileResult } from './reconcile';
export type { EventOutcome } from './webhook';
export { verifyStripeEvent } from './webhook';
export {
  WEBHOOK_OUTCOMES,
  backfillBody,
  countFailedWebhookEvents,
  getWebhookEvent,
  listWebhookEvents,
  listWebhookEventsQuery,
  type BackfillResult,
  type ListWebhookEventsQuery,
  type WebhookEventDto,
  type WebhookOutcome,
} from './webhook-events';
export { cancelOpenPayment } from './payable-flow';
export { paymentIntentNamed, payableOfPayment, requireSucceeded } from './external';
export { latestCharge } from './apply';
export { listOwedRefunds, type OwedRefundListItem, type RefundOwedDto } from './owed-refunds';
export {
  getPaymentFor,
  listPayments,
  paymentStatus,
  providerPaymentTotals,
  settledPaymentOf,
  type LedgerEntryDto,
  type PaymentDto,
  type PaymentFilters,
  type PaymentTotals,
  type RefundDto as PaymentRefundDto,
} from './queries';
export { browserStripeConfig } from './stripe-client';
export { mpesaAmountProblem, paymentStatusFor, requirePhone, type MpesaPaymentDto, type MpesaReconcileResult, type PaymentStatusDto } from './mpesa';
export { isCallbackSecret, mpesaConfigured } from './mpesa-client';
export { answerDaraja } from './mpesa-routes';
export { mpesaResultMessage } from './mpesa-results';
export type { StripeCharge, StripeEvent, StripePaymentIntent } from './stripe-types';
export { connectState, dashboardLink, linkConnectAccount, onboardingLink, transferPayout, type ConnectState, type TransferResult } from './connect';
