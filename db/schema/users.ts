import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const userRole = pgEnum('user_role', ['client', 'provider', 'admin']);
export type UserRole = (typeof userRole.enumValues)[number];

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
    // E.164 without the plus, or null; set on the profile page.
    phone: text('phone'),
    // IANA zone the user reads times in; null means "the browser's zone".
    timeZone: text('time_zone'),
    // Bumped to end every browser session of the user at once (password change, reset,
    // deactivation); a session carries the epoch it was issued under.
    sessionEpoch: integer('session_epoch').notNull().default(0),
    // Set when the account was deleted: personal data erased, the row kept for the ledger.
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
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
  ...timestamps,
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type ProviderProfile = typeof providerProfiles.$inferSelect;
