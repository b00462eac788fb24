import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

// Payments (seed 003): payables by type and id, never a booking or credit table.

export const paymentState = pgEnum('payment_state', [
  'created',
  'pending',
  'succeeded',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
]);
export type PaymentState = (typeof paymentState.enumValues)[number];

export const stripeCustomers = pgTable('stripe_customers', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  stripeCustomerId: text('stripe_customer_id').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const payments = pgTable(
  'payments',
  {
    // The PaymentIntent id: the row is written before the customer is sent to pay.
    id: text('id').primaryKey(),
    payableType: text('payable_type').notNull(),
    payableId: uuid('payable_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id').references(() => users.id, { onDelete: 'set null' }),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: paymentState('status').notNull().default('created'),
    // 'card' (Stripe) or 'mpesa' (M-Pesa STK Push). For M-Pesa the id is our own (mp_...), the attempts are mpesa_requests.
    provider: text('provider').notNull().default('card'),
    // Fixed when the payment is created, never recomputed from today's settings.
    feeBps: integer('fee_bps').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    providerAmount: integer('provider_amount').notNull(),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    checkoutSessionId: text('checkout_session_id'),
    chargeId: text('charge_id'),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    receiptUrl: text('receipt_url'),
    // M-Pesa: the phone asked (2547... / 2541...), the receipt number once paid.
    mpesaPhone: text('mpesa_phone'),
    mpesaReceipt: text('mpesa_receipt'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // One PaymentIntent per payable: asking again returns it, never a second charge.
    uniqueIndex('payments_payable_key').on(t.payableType, t.payableId),
    index('payments_user_idx').on(t.userId, t.createdAt),
    index('payments_provider_idx').on(t.providerId, t.createdAt),
    index('payments_status_idx').on(t.status, t.createdAt),
    check('payments_amounts_check', sql`${t.amount} > 0 and ${t.feeAmount} >= 0 and ${t.providerAmount} = ${t.amount} - ${t.feeAmount}`),
    check('payments_refunded_check', sql`${t.refundedAmount} between 0 and ${t.amount}`),
    check('payments_provider_check', sql`${t.provider} in ('card', 'mpesa')`),
  ],
);

// Every STK Push sent for an M-Pesa payment (a resend is a new one), keyed by Daraja's CheckoutRequestID:
// the callback and the STK Query both resolve it once (a conditional update from 'pending').
export const mpesaRequests = pgTable(
  'mpesa_requests',
  {
    checkoutRequestId: text('checkout_request_id').primaryKey(),
    merchantRequestId: text('merchant_request_id').notNull(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    phone: text('phone').notNull(),
    // Minor units, as everywhere (KES 100.00 is 10000); Daraja is sent whole shillings.
    amount: integer('amount').notNull(),
    // 'pending' until the callback or the STK Query says; then 'succeeded' or 'failed'.
    status: text('status').notNull().default('pending'),
    resultCode: integer('result_code'),
    resultDesc: text('result_desc'),
    receipt: text('receipt'),
    // 'callback' or 'query': what resolved it.
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    callbackCount: integer('callback_count').notNull().default(0),
    lastQueriedAt: timestamp('last_queried_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mpesa_requests_payment_idx').on(t.paymentId, t.createdAt),
    index('mpesa_requests_pending_idx').on(t.createdAt).where(sql`status = 'pending'`),
    check('mpesa_requests_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);

export const ledgerType = pgEnum('ledger_type', ['purchase', 'single', 'refund']);

// Append-only (seed 000's PaymentTransaction): one row per money movement,
// keyed by the Stripe object that moved it, so a repeated event adds nothing.
export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    type: ledgerType('type').notNull(),
    // The charge or refund id.
    stripeObjectId: text('stripe_object_id').notNull(),
    // Signed: refunds are negative.
    gross: integer('gross').notNull(),
    fee: integer('fee').notNull(),
    net: integer('net').notNull(),
    currency: text('currency').notNull(),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_transactions_stripe_object_key').on(t.stripeObjectId),
    index('payment_transactions_payment_idx').on(t.paymentId),
    // The analytics summary's money by payment provider reads the ledger by time.
    index('payment_transactions_created_idx').on(t.createdAt),
    check('payment_transactions_net_check', sql`${t.net} = ${t.gross} - ${t.fee}`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    amount: integer('amount').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId)],
);

// Every Stripe event handled, written in the transaction of its effect.
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

// Every verified event received from a payment provider, whatever became of it: what the admin's
// webhook monitor lists and replays. stripe_events above stays the exactly-once guard of the effect.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    // The provider's event id (Stripe's evt_...).
    id: text('id').primaryKey(),
    provider: text('provider').notNull().default('stripe'),
    type: text('type').notNull(),
    // The connected account an event came from (Connect), or null.
    account: text('account'),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    lastReceivedAt: timestamp('last_received_at', { withTimezone: true }).notNull().defaultNow(),
    deliveryCount: integer('delivery_count').notNull().default(1),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    // 'received' until handled; then 'handled', 'duplicate', 'ignored' or 'failed' (with error).
    outcome: text('outcome').notNull().default('received'),
    error: text('error'),
    replayCount: integer('replay_count').notNull().default(0),
  },
  (t) => [
    index('webhook_events_received_idx').on(t.receivedAt),
    index('webhook_events_type_received_idx').on(t.type, t.receivedAt),
    index('webhook_events_outcome_received_idx').on(t.outcome, t.receivedAt),
  ],
);

export type Payment = typeof payments.$inferSelect;

/**
 * A refund a cancellation owes that the provider has not yet accepted: written
 * when the immediate refund fails, retried by the worker's cancel-refund job
 * until it is made. One row per payment, so the job is queued once; settled
 * (refund_id, settled_at) when the refund is made or nothing remains to refund.
 */
export const owedRefunds = pgTable(
  'owed_refunds',
  {
    paymentId: text('payment_id')
      .primaryKey()
      .references(() => payments.id, { onDelete: 'restrict' }),
    payableType: text('payable_type').notNull(),
    payableId: uuid('payable_id').notNull(),
    // Sent to the provider with the refund, as the immediate attempt would have; never shown in lists.
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    attempts: integer('attempts').notNull().default(0),
    // The provider's (or network's) error of the last failed attempt, cut short; no card or personal data.
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    refundId: text('refund_id'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('owed_refunds_open_idx').on(t.createdAt).where(sql`settled_at is null`)],
);
export type OwedRefund = typeof owedRefunds.$inferSelect;
