import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { timestamps } from './columns';
import { users } from './users';

// Earnings (PRODUCT.md's Earnings rule, seed 002's pending_earnings / total_earned / payouts):
// what each provider is owed, line by line, with an append-only ledger of every change.

export const earningState = pgEnum('earning_state', ['pending', 'available', 'paid_out', 'reversed']);
export const earningKind = pgEnum('earning_kind', ['earning', 'clawback']);
export const payoutMethod = pgEnum('payout_method', ['stripe', 'manual']);
export const payoutStatus = pgEnum('payout_status', ['pending', 'paid', 'failed']);

export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    currency: text('currency').notNull(),
    amount: integer('amount').notNull(),
    method: payoutMethod('method').notNull(),
    status: payoutStatus('status').notNull().default('pending'),
    // A manual payout's bank reference; for Stripe, the transfer id once made.
    reference: text('reference'),
    stripeTransferId: text('stripe_transfer_id'),
    failureReason: text('failure_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('payouts_provider_idx').on(t.providerId, t.createdAt),
    check('payouts_amount_check', sql`${t.amount} > 0`),
  ],
);

export const earningLines = pgTable(
  'earning_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: earningKind('kind').notNull().default('earning'),
    // The booking now (a rescheduled booking takes its original's line) and the one the payment paid for.
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'restrict' }),
    paidBookingId: uuid('paid_booking_id'),
    // The card payment (PaymentIntent id) or the credit that paid; a clawback names its line's.
    paymentId: text('payment_id'),
    creditId: uuid('credit_id'),
    complimentary: boolean('complimentary').notNull().default(false),
    // For a clawback: the paid-out line whose later refund it carries.
    clawbackOf: uuid('clawback_of'),
    // What the refund total was when this clawback was made (its key).
    refundKey: integer('refund_key'),
    currency: text('currency').notNull(),
    state: earningState('state').notNull(),
    // What it was paid (fixed), and what it is now after refunds.
    paidGross: integer('paid_gross').notNull(),
    paidFee: integer('paid_fee').notNull(),
    paidNet: integer('paid_net').notNull(),
    gross: integer('gross').notNull(),
    fee: integer('fee').notNull(),
    net: integer('net').notNull(),
    // Refunded so far, in the client's minor units (the key of the last refund applied).
    refunded: integer('refunded').notNull().default(0),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    // One payout at most: a line is taken only while this is null.
    payoutId: uuid('payout_id').references(() => payouts.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    // One earning per booking.
    uniqueIndex('earning_lines_booking_key').on(t.bookingId).where(sql`kind = 'earning'`),
    uniqueIndex('earning_lines_clawback_key').on(t.clawbackOf, t.refundKey).where(sql`kind = 'clawback'`),
    index('earning_lines_provider_idx').on(t.providerId, t.createdAt),
    index('earning_lines_provider_state_idx').on(t.providerId, t.state, t.currency),
    index('earning_lines_payout_idx').on(t.payoutId),
    index('earning_lines_paid_booking_idx').on(t.paidBookingId),
    check('earning_lines_split_check', sql`${t.gross} = ${t.fee} + ${t.net} and ${t.paidGross} = ${t.paidFee} + ${t.paidNet}`),
    check('earning_lines_payout_check', sql`(${t.state} = 'paid_out') = (${t.payoutId} is not null)`),
  ],
);

export const earningCause = pgEnum('earning_cause', ['payment', 'credit', 'refund', 'delivery', 'payout', 'payout_failed', 'clawback', 'reschedule']);

// Append-only: a provider's totals per state always equal the sum of these deltas.
export const earningEntries = pgTable(
  'earning_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => earningLines.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id').notNull(),
    currency: text('currency').notNull(),
    state: earningState('state').notNull(),
    cause: earningCause('cause').notNull(),
    // What caused it (a payment, refund total, delivery, payout id): a replay adds nothing.
    causeKey: text('cause_key').notNull(),
    // Signed change of the line's net in this state.
    amount: integer('amount').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('earning_entries_cause_key').on(t.lineId, t.causeKey, t.state),
    index('earning_entries_provider_idx').on(t.providerId, t.createdAt),
  ],
);

// Running sums of the entries per provider, currency and state, written with each entry.
export const earningTotals = pgTable(
  'earning_totals',
  {
    providerId: uuid('provider_id').notNull(),
    currency: text('currency').notNull(),
    state: earningState('state').notNull(),
    amount: integer('amount').notNull().default(0),
    // How many lines are in this state now, so a page of lines needs no count over all of them.
    lines: integer('lines').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.currency, t.state] })],
);

export type EarningLine = typeof earningLines.$inferSelect;
export type Payout = typeof payouts.$inferSelect;
