import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

// Stripe Connect (express): a provider's connected account and the transfers paid to it. Written by payments only.

export const connectAccounts = pgTable('connect_accounts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  stripeAccountId: text('stripe_account_id').notNull().unique(),
  chargesEnabled: boolean('charges_enabled').notNull().default(false),
  payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
  detailsSubmitted: boolean('details_submitted').notNull().default(false),
  requirementsDue: text('requirements_due').array().notNull().default([]),
  // The last payout to the provider's bank that Stripe told us of (payout.paid / payout.failed).
  lastPayoutId: text('last_payout_id'),
  lastPayoutStatus: text('last_payout_status'),
  ...timestamps,
});

export const stripeTransfers = pgTable('stripe_transfers', {
  id: text('id').primaryKey(),
  // The payout it pays: one transfer per payout (the idempotency key is the payout's id).
  payoutId: uuid('payout_id').notNull().unique(),
  destination: text('destination').notNull(),
  amount: integer('amount').notNull(),
  amountReversed: integer('amount_reversed').notNull().default(0),
  currency: text('currency').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConnectAccount = typeof connectAccounts.$inferSelect;
