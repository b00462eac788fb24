import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { notificationPreferences, outboxMessages, users } from '@/db/schema';
import { enqueue, QUEUES } from '@/lib/jobs';
import { REMINDER_TEMPLATES, type MessageData, type Template } from './messages';

/**
 * The outbox: a message is a row written in the transaction of the change
 * that causes it, keyed by that cause (`idempotency_key`), so the same cause
 * never makes two messages — a replayed webhook, a retried job, two app
 * processes. Its delivery job is queued in the same transaction and runs
 * after the commit. A reminder to someone who turned reminders off is kept
 * as `suppressed`, never sent.
 */

export interface QueuedMessage<T extends Template> {
  /** The cause, e.g. `booking_confirmed:<booking id>`. */
  key: string;
  template: T;
  data: MessageData[T];
  /** The recipient: a user (their e-mail is read in the transaction) or an address. */
  userId?: string;
  to?: string;
}

export async function remindersOn(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ reminders: notificationPreferences.reminders }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).limit(1);
  return row?.reminders ?? true;
}

/** Queues one message in `tx`; returns its id, or null when this cause already made one. */
export async function queueMessage<T extends Template>(tx: Tx, message: QueuedMessage<T>): Promise<string | null> {
  let recipient = message.to ?? null;
  if (message.userId) {
    const [user] = await tx.select({ email: users.email }).from(users).where(and(eq(users.id, message.userId), isNull(users.disabledAt))).limit(1);
    recipient ??= user?.email ?? null;
  }
  if (!recipient) return null;
  const suppressed = REMINDER_TEMPLATES.includes(message.template) && message.userId ? !(await remindersOn(tx, message.userId)) : false;
  const id = randomUUID();
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      id,
      idempotencyKey: message.key,
      userId: message.userId ?? null,
      recipient,
      template: message.template,
      data: message.data,
      state: suppressed ? 'suppressed' : 'pending',
      messageId: `<${id}@wellbook.mail>`,
    })
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id });
  if (!row) return null;
  if (!suppressed) await enqueue(tx, QUEUES.deliverMail, { messageId: row.id }, { retryLimit: 0 });
  return row.id;
}

/** One message to every active admin, each keyed by the cause and the admin. */
export async function queueToAdmins<T extends Template>(tx: Tx, key: string, template: T, data: MessageData[T]): Promise<void> {
  const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  for (const admin of admins) await queueMessage(tx, { key: `${key}:${admin.id}`, template, data, userId: admin.id });
}
