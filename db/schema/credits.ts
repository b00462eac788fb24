import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { creditScope, timestamps } from './columns';
import { apiKeys } from './integration';
import { classPackages, packagePurchases } from './packages';
import { users } from './users';

// Credits (seed 000's ClientCredit, seed 002's BookingPackage): granted by a package purchase, an
// admin or the integration API, spent on bookings through an append-only ledger.

export const creditSource = pgEnum('credit_source', ['purchase', 'admin', 'integration']);

export const credits = pgTable(
  'credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    packageId: uuid('package_id').references(() => classPackages.id, { onDelete: 'restrict' }),
    purchaseId: uuid('purchase_id').references(() => packagePurchases.id, { onDelete: 'restrict' }),
    source: creditSource('source').notNull(),
    packageName: text('package_name').notNull(),
    totalUses: integer('total_uses').notNull(),
    // Changed only by atomic conditional updates, each written with its ledger entry.
    remainingUses: integer('remaining_uses').notNull(),
    // The purchase's PaymentIntent: one credit per payment, whoever asks and however often.
    paymentId: text('payment_id'),
    amountPaid: integer('amount_paid').notNull().default(0),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull().default(0),
    purchasedAt: timestamp('purchased_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Set when the worker has written off what was left at expiry.
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    // Set when the purchase was refunded and the unused uses taken back.
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...creditScope,
    ...timestamps,
  },
  (t) => [
    index('credits_client_idx').on(t.clientId, t.expiresAt),
    index('credits_purchased_idx').on(t.purchasedAt),
    uniqueIndex('credits_payment_key').on(t.paymentId).where(sql`payment_id is not null`),
    index('credits_expiry_idx').on(t.expiresAt).where(sql`remaining_uses > 0`),
    // A credit never goes below zero, whatever the concurrency.
    check('credits_remaining_check', sql`${t.remainingUses} >= 0`),
    check('credits_total_check', sql`${t.totalUses} >= 0`),
    check('credits_amount_check', sql`${t.amountPaid} >= 0`),
  ],
);

export const creditEntryKind = pgEnum('credit_entry_kind', ['grant', 'use', 'return', 'expire', 'adjust', 'revoke']);
export type CreditEntryKind = (typeof creditEntryKind.enumValues)[number];

// Append-only: a credit's remaining uses always equal the sum of its entries' deltas.
export const creditEntries = pgTable(
  'credit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    creditId: uuid('credit_id')
      .notNull()
      .references(() => credits.id, { onDelete: 'restrict' }),
    kind: creditEntryKind('kind').notNull(),
    delta: integer('delta').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'restrict' }),
    // Who: a user, an API key, or neither (the system: webhook, worker).
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_entries_credit_idx').on(t.creditId, t.id),
    // The analytics summary's credits used and expired in a range.
    index('credit_entries_kind_created_idx').on(t.kind, t.createdAt),
    // A booking takes at most one use, and gets it back at most once.
    uniqueIndex('credit_entries_one_use_key').on(t.bookingId).where(sql`kind = 'use'`),
    uniqueIndex('credit_entries_one_return_key').on(t.bookingId).where(sql`kind = 'return'`),
    uniqueIndex('credit_entries_one_grant_key').on(t.creditId).where(sql`kind = 'grant'`),
    check('credit_entries_delta_check', sql`${t.delta} <> 0`),
  ],
);

export type Credit = typeof credits.$inferSelect;
export type CreditEntry = typeof creditEntries.$inferSelect;
