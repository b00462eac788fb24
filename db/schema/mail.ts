import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users';

// E-mail (issue 12): an outbox written in the transaction of the change that causes each message,
// delivered after commit by the worker, exactly once per cause.

export const outboxState = pgEnum('outbox_state', ['pending', 'sending', 'sent', 'failed', 'suppressed']);
export type OutboxState = (typeof outboxState.enumValues)[number];

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The cause: the same key never makes a second message (a replayed webhook, a retried job, two processes).
    idempotencyKey: text('idempotency_key').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    // What the template needs; never a health answer or clearance note.
    data: jsonb('data').notNull().default({}),
    state: outboxState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // Fixed when the row is made, so a resend after a crash carries the same Message-ID.
    messageId: text('message_id').notNull(),
    subject: text('subject'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('outbox_messages_key').on(t.idempotencyKey),
    index('outbox_messages_state_idx').on(t.state, t.nextAttemptAt),
    index('outbox_messages_created_idx').on(t.createdAt),
    index('outbox_messages_recipient_idx').on(t.recipient),
  ],
);

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  // Reminders (sessions, questionnaire renewal, credits expiring) can be turned off; transactional messages always go.
  reminders: boolean('reminders').notNull().default(true),
  ...timestamps,
});

export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // SHA-256 of the secret token in the feed's URL; the token itself is shown once.
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash), uniqueIndex('calendar_feeds_one_active_key').on(t.userId).where(sql`revoked_at is null`)],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
