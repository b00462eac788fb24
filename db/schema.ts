import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A PostgreSQL tstzrange, written and read as its text form '[start,end)'. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

export const userRole = pgEnum('user_role', ['client', 'provider', 'admin']);
export type UserRole = (typeof userRole.enumValues)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased and trimmed; the unique index is the duplicate guard.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('client'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_role_idx').on(t.role)],
);

export const providerProfiles = pgTable('provider_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  // What the practitioner does, in their own words: "Yoga teacher", "Personal trainer".
  headline: text('headline').notNull(),
  bio: text('bio').notNull().default(''),
  // IANA zone; availability is defined in it.
  timeZone: text('time_zone').notNull().default('Europe/London'),
  stripeAccountId: text('stripe_account_id'),
  ...timestamps,
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

// Every password check, kept so the failed-login limit holds across app processes.
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
  ],
);

// Bearer tokens from POST /api/v1/auth/token; only a SHA-256 of the token is kept.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type ProviderProfile = typeof providerProfiles.$inferSelect;


// ---------------------------------------------------------------------------
// Health questionnaire (seed 000). Answers, emergency contact and clearance
// notes are health data: stored only as AES-256-GCM ciphertext.

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Encrypted JSON of the answers, emergency contact and consent text.
    answersEncrypted: text('answers_encrypted').notNull(),
    questionSetVersion: integer('question_set_version').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // True when a medical question was answered "yes": booking waits for clearance.
    requiresClearance: boolean('requires_clearance').notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedBy: uuid('cleared_by').references(() => users.id, { onDelete: 'set null' }),
    clearanceNoteEncrypted: text('clearance_note_encrypted'),
    // Renewal keeps history: the previous row is superseded, never overwritten.
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('questionnaires_user_idx').on(t.userId, t.completedAt),
    uniqueIndex('questionnaires_one_current_key').on(t.userId).where(sql`superseded_at is null`),
  ],
);

// ---------------------------------------------------------------------------
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
export type ClassRow = typeof classes.$inferSelect;
export type SessionType = typeof sessionTypes.$inferSelect;
export type Questionnaire = typeof questionnaires.$inferSelect;

// ---------------------------------------------------------------------------
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

export type Payment = typeof payments.$inferSelect;

// ---------------------------------------------------------------------------
// Class packages and credits (seed 000's ClassPackage and ClientCredit, seed
// 002's BookingPackage). Payments know a purchase only as a payable.

export const packageClassScope = pgEnum('package_class_scope', ['all', 'selected', 'none']);
export type PackageClassScope = (typeof packageClassScope.enumValues)[number];

/** What a package's credits can pay for; copied onto each credit when it is granted. */
const creditScope = {
  // 'all' classes, the 'selected' ones (by class or series id), or 'none'.
  classScope: packageClassScope('class_scope').notNull().default('all'),
  // Class ids or series ids; a series id covers every class of the series.
  classIds: uuid('class_ids').array().notNull().default(sql`'{}'::uuid[]`),
  // 1:1 session types the credits also pay for.
  sessionTypeIds: uuid('session_type_ids').array().notNull().default(sql`'{}'::uuid[]`),
};

export const classPackages = pgTable(
  'class_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    classCount: integer('class_count').notNull(),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    validityDays: integer('validity_days').notNull(),
    feeBps: integer('fee_bps').notNull(),
    // Retired packages stay for the credits already sold, but cannot be bought.
    active: boolean('active').notNull().default(true),
    ...creditScope,
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('class_packages_name_key').on(sql`lower(${t.name})`),
    check('class_packages_count_check', sql`${t.classCount} between 1 and 1000`),
    check('class_packages_price_check', sql`${t.priceAmount} > 0`),
    check('class_packages_validity_check', sql`${t.validityDays} between 1 and 3650`),
    check('class_packages_fee_check', sql`${t.feeBps} between 0 and 10000`),
    check('class_packages_currency_check', sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

export const purchaseStatus = pgEnum('package_purchase_status', ['pending', 'paid', 'failed', 'abandoned']);

/** One attempt to buy a package: the payable of its card payment, price fixed when it is made. */
export const packagePurchases = pgTable(
  'package_purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    packageId: uuid('package_id')
      .notNull()
      .references(() => classPackages.id, { onDelete: 'restrict' }),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    feeBps: integer('fee_bps').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    status: purchaseStatus('status').notNull().default('pending'),
    paymentRef: text('payment_ref'),
    ...timestamps,
  },
  (t) => [
    index('package_purchases_client_idx').on(t.clientId, t.createdAt),
    // One open purchase per client and package: asking again resumes it, never a second charge.
    uniqueIndex('package_purchases_one_open_key').on(t.clientId, t.packageId).where(sql`status in ('pending', 'failed')`),
  ],
);

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
    // A booking takes at most one use, and gets it back at most once.
    uniqueIndex('credit_entries_one_use_key').on(t.bookingId).where(sql`kind = 'use'`),
    uniqueIndex('credit_entries_one_return_key').on(t.bookingId).where(sql`kind = 'return'`),
    uniqueIndex('credit_entries_one_grant_key').on(t.creditId).where(sql`kind = 'grant'`),
    check('credit_entries_delta_check', sql`${t.delta} <> 0`),
  ],
);

export type ClassPackage = typeof classPackages.$inferSelect;
export type PackagePurchase = typeof packagePurchases.$inferSelect;
export type Credit = typeof credits.$inferSelect;
export type CreditEntry = typeof creditEntries.$inferSelect;

// ---------------------------------------------------------------------------
// Integration API keys (seed 000): created by admins, stored as SHA-256, revocable.

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    // The first characters of the key, to tell keys apart in lists; never enough to use it.
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash)],
);

// Every call made with an API key, answered or refused: method, path and status, never bodies.
export const apiKeyCalls = pgTable(
  'api_key_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // Null when the key sent matched no key.
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_key_calls_key_idx').on(t.apiKeyId, t.createdAt), index('api_key_calls_created_idx').on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
