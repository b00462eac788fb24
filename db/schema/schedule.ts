import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

// What can be booked.

export const sessionTypes = pgTable(
  'session_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    // Minutes kept free after each session before the next can start.
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull(),
    // When set, only this much is charged at booking.
    depositAmount: integer('deposit_amount'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index('session_types_provider_idx').on(t.providerId),
    check('session_types_duration_check', sql`${t.durationMinutes} between 5 and 480`),
    check('session_types_buffer_check', sql`${t.bufferMinutes} between 0 and 240`),
    check('session_types_price_check', sql`${t.priceAmount} >= 0`),
    check('session_types_fee_check', sql`${t.feeBps} between 0 and 10000`),
    check('session_types_deposit_check', sql`${t.depositAmount} is null or (${t.depositAmount} > 0 and ${t.depositAmount} <= ${t.priceAmount})`),
    check('session_types_currency_check', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

// Weekly hours in the provider's own time zone (provider_profiles.time_zone).
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // ISO weekday: 1 = Monday ... 7 = Sunday.
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('availability_rules_provider_idx').on(t.providerId),
    check('availability_rules_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('availability_rules_order_check', sql`${t.startTime} < ${t.endTime}`),
  ],
);

// A date that differs from the weekly hours: off all day (no times), or open at other hours.
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('availability_exceptions_provider_date_idx').on(t.providerId, t.date),
    check(
      'availability_exceptions_times_check',
      sql`(${t.startTime} is null and ${t.endTime} is null) or (${t.startTime} is not null and ${t.endTime} is not null and ${t.startTime} < ${t.endTime})`,
    ),
  ],
);

export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    // Classes created together as a weekly series share this id.
    seriesId: uuid('series_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    // Active bookings (pending payment + confirmed + in progress), changed only by atomic updates.
    seatsTaken: integer('seats_taken').notNull().default(0),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull(),
    location: text('location'),
    onlineUrl: text('online_url'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // Set when the class was delivered: completed by its provider, or by the worker after auto_complete_hours.
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('classes_starts_at_idx').on(t.startsAt),
    index('classes_provider_idx').on(t.providerId, t.startsAt),
    check('classes_capacity_check', sql`${t.capacity} between 1 and 1000`),
    // The last line of defence against overselling: the counter can never pass capacity.
    check('classes_seats_check', sql`${t.seatsTaken} between 0 and ${t.capacity}`),
    check('classes_duration_check', sql`${t.durationMinutes} between 5 and 480`),
    check('classes_price_check', sql`${t.priceAmount} >= 0`),
    check('classes_fee_check', sql`${t.feeBps} between 0 and 10000`),
    check('classes_currency_check', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

export type ClassRow = typeof classes.$inferSelect;
export type SessionType = typeof sessionTypes.$inferSelect;
