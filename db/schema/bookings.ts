import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tstzrange } from './columns';
import { classes, sessionTypes } from './schedule';
import { users } from './users';

export const bookingKind = pgEnum('booking_kind', ['class', 'session']);
export const bookingStatus = pgEnum('booking_status', [
  'pending_payment',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
  'expired',
  'no_show',
]);
export const paymentStatus = pgEnum('payment_status', [
  'unpaid',
  'pending',
  'paid',
  'failed',
  'refunded',
  'partially_refunded',
  'credit_used',
]);
export const paymentType = pgEnum('payment_type', ['single', 'package', 'credit']);
export const refundDue = pgEnum('refund_due', ['none', 'full']);

export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: bookingKind('kind').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'restrict' }),
    sessionTypeId: uuid('session_type_id').references(() => sessionTypes.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // The provider's time a 1:1 session takes, buffer included; null for classes.
    blockedRange: tstzrange('blocked_range'),
    status: bookingStatus('status').notNull(),
    paymentStatus: paymentStatus('payment_status').notNull().default('unpaid'),
    paymentType: paymentType('payment_type'),
    // What the booking costs, fixed when it is made (never recomputed from today's prices).
    priceAmount: integer('price_amount').notNull(),
    // What is charged now: the price, or the session type's deposit.
    amountDue: integer('amount_due').notNull(),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    // The payment reference (e.g. a PaymentIntent id) once payments exist.
    paymentRef: text('payment_ref'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
    // What the cancellation owes back under the policy; carried out by payments or credits.
    refundDue: refundDue('refund_due'),
    rescheduledFromId: uuid('rescheduled_from_id'),
    rescheduledToId: uuid('rescheduled_to_id'),
    actualStartAt: timestamp('actual_start_at', { withTimezone: true }),
    actualEndAt: timestamp('actual_end_at', { withTimezone: true }),
    notes: text('notes').notNull().default(''),
    // The calendar entry's SEQUENCE: rises on every change the client's calendar must take (RFC 5545).
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('bookings_client_idx').on(t.clientId, t.startsAt),
    index('bookings_provider_idx').on(t.providerId, t.startsAt),
    index('bookings_class_idx').on(t.classId),
    index('bookings_hold_idx').on(t.holdExpiresAt).where(sql`status = 'pending_payment'`),
    // One active booking per client per class.
    uniqueIndex('bookings_one_active_per_class_key')
      .on(t.classId, t.clientId)
      .where(sql`class_id is not null and status in ('pending_payment', 'confirmed', 'in_progress')`),
    check(
      'bookings_kind_check',
      sql`(${t.kind} = 'class' and ${t.classId} is not null and ${t.sessionTypeId} is null) or (${t.kind} = 'session' and ${t.sessionTypeId} is not null and ${t.classId} is null and ${t.blockedRange} is not null)`,
    ),
    check('bookings_time_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('bookings_amount_check', sql`${t.amountDue} >= 0 and ${t.amountDue} <= ${t.priceAmount} and ${t.feeAmount} >= 0`),
  ],
);

export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['waiting', 'promoted', 'left'] }).notNull().default('waiting'),
    promotedBookingId: uuid('promoted_booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_entries_class_idx').on(t.classId, t.createdAt),
    uniqueIndex('waitlist_entries_one_waiting_key').on(t.classId, t.clientId).where(sql`status = 'waiting'`),
  ],
);

// Messages shown on a user's pages (a waitlist promotion, a cancelled class).
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notices_user_idx').on(t.userId, t.createdAt)],
);

export type Booking = typeof bookings.$inferSelect;
