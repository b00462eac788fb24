import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Rollups behind GET /api/v1/reports/summary (issue 14), kept by triggers in the same transaction as the
// ledger or booking write that changes them (migration 0009), so they never drift from their sources.
// Days are local days of each zone in report_zones: the platform zone of every time a summary was asked.

/** The payments row's provider when it has none (a class package): keys cannot be null. */
export const NO_PROVIDER = '00000000-0000-0000-0000-000000000000';

export const reportZones = pgTable('report_zones', {
  zone: text('zone').primaryKey(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reportDaily = pgTable(
  'report_daily',
  {
    zone: text('zone').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    providerId: uuid('provider_id').notNull(),
    // From payment_transactions, by the day each row was made (cash basis).
    gross: bigint('gross', { mode: 'number' }).notNull().default(0),
    refunds: bigint('refunds', { mode: 'number' }).notNull().default(0),
    platformFees: bigint('platform_fees', { mode: 'number' }).notNull().default(0),
    providerShare: bigint('provider_share', { mode: 'number' }).notNull().default(0),
    paymentsSucceeded: integer('payments_succeeded').notNull().default(0),
    // From payments, by the day each was started: those whose status is failed now.
    paymentsFailed: integer('payments_failed').notNull().default(0),
    // From bookings, by the day each booking starts, as they stand now.
    bookingsConfirmed: integer('bookings_confirmed').notNull().default(0),
    bookingsCancelled: integer('bookings_cancelled').notNull().default(0),
    bookingsCompleted: integer('bookings_completed').notNull().default(0),
    bookingsNoShow: integer('bookings_no_show').notNull().default(0),
    classSeats: integer('class_seats').notNull().default(0),
    // From classes, by the day each starts: the seats of those not cancelled.
    classCapacity: integer('class_capacity').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.zone, t.day, t.currency, t.providerId] })],
);

/** Each client's first charge in each currency: who is a new client when. */
export const reportFirstCharges = pgTable(
  'report_first_charges',
  {
    userId: uuid('user_id').notNull(),
    currency: text('currency').notNull(),
    providerId: uuid('provider_id').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.currency] }), index('report_first_charges_first_idx').on(t.firstAt)],
);
