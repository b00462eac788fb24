import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Every admin or provider action that changes money, access or settings, written by lib/audit in the
// transaction of the change. Append-only: a trigger (migration 0008) refuses UPDATE and DELETE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // Null when the system acted (a job). No foreign key: the record outlives any change to users.
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    // A dotted verb: 'user.role_changed', 'payment.refunded', 'setting.changed', ...
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_at_idx').on(t.actorId, t.at), index('audit_log_action_at_idx').on(t.action, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
