import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

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

export type Questionnaire = typeof questionnaires.$inferSelect;
