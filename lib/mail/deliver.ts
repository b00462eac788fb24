import 'server-only';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outboxMessages, users, type OutboxMessage } from '@/db/schema';
import { env } from '@/lib/env';
import { enqueue, QUEUES } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import { getSetting } from '@/lib/settings';
import { REMINDER_TEMPLATES, type MessageData, type Template } from './messages';
import { queueToAdmins } from './outbox';
import { renderMessage } from './render';
import { sendMail } from './transport';
import { unsubscribeUrl } from './unsubscribe';

/**
 * Delivery, after the commit that queued the message. An attempt is claimed
 * in a transaction of its own (state `sending`, attempts + 1) before SMTP is
 * spoken, and the result recorded in another: so a crash after the server
 * accepted the message can resend it at most once (a `sending` row older
 * than SENDING_TIMEOUT is taken again), always with the row's own
 * Message-ID. A failure waits 2, 4, 8 … seconds (at most
 * MAIL_RETRY_MAX_SECONDS) for the next attempt; after MAIL_MAX_ATTEMPTS the
 * message is `failed`, visible at /admin/mail, and the admins are told.
 */

const SENDING_TIMEOUT_SECONDS = 60;

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

async function claim(id: string): Promise<OutboxMessage | null> {
  return getDb().transaction(async (tx) => {
    const [m] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)).for('update').limit(1);
    if (!m || !['pending', 'sending'].includes(m.state)) return null;
    // Another worker is sending it right now.
    if (m.state === 'sending' && Date.now() - m.updatedAt.getTime() < SENDING_TIMEOUT_SECONDS * 1000) return null;
    const [claimed] = await tx
      .update(outboxMessages)
      .set({ state: 'sending', attempts: sql`${outboxMessages.attempts} + 1`, updatedAt: new Date() })
      .where(eq(outboxMessages.id, id))
      .returning();
    return claimed ?? null;
  });
}

/** Seconds before the next attempt after `attempts` failed ones: doubling from 2 s, capped at `maxSeconds`. */
export function retryDelaySeconds(attempts: number, maxSeconds = env().MAIL_RETRY_MAX_SECONDS): number {
  return Math.min(maxSeconds, 2 ** Math.max(1, attempts));
}

export async function composeMessage(m: OutboxMessage) {
  const [user] = m.userId ? await getDb().select({ name: users.name }).from(users).where(eq(users.id, m.userId)).limit(1) : [];
  const unsubscribe = m.userId ? unsubscribeUrl(m.userId) : null;
  const template = m.template as Template;
  const rendered = await renderMessage(template, m.data as MessageData[typeof template], {
    practice_name: await getSetting('practice_name'),
    app_url: env().APP_URL.replace(/\/$/, ''),
    recipient_name: user?.name ?? m.recipient,
    unsubscribe_url: REMINDER_TEMPLATES.includes(template) ? unsubscribe : null,
  });
  const headers: Record<string, string> = { 'X-Wellbook-Message': m.id };
  if (unsubscribe) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { ...rendered, headers };
}

/** One attempt at one message. Never throws for a send failure: it records it and schedules the next attempt. */
export async function deliverMessage(id: string): Promise<DeliveryOutcome> {
  const m = await claim(id);
  if (!m) return 'skipped';
  let subject: string | null = null;
  try {
    const mail = await composeMessage(m);
    subject = mail.subject;
    await sendMail({ to: m.recipient, subject: mail.subject, html: mail.html, text: mail.text, attachments: mail.attachments, headers: mail.headers, messageId: m.messageId });
  } catch (err) {
    return recordFailure(m, (err as Error).message);
  }
  await getDb()
    .update(outboxMessages)
    .set({ state: 'sent', sentAt: new Date(), subject, lastError: null, nextAttemptAt: null, updatedAt: new Date() })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.state, 'sending')));
  return 'sent';
}

async function recordFailure(m: OutboxMessage, error: string): Promise<DeliveryOutcome> {
  const last = m.attempts >= env().MAIL_MAX_ATTEMPTS;
  const next = new Date(Date.now() + retryDelaySeconds(m.attempts) * 1000);
  logger.warn('mail delivery failed', { message_id: m.id, template: m.template, attempts: m.attempts, final: last, error });
  await getDb().transaction(async (tx) => {
    await tx
      .update(outboxMessages)
      .set({ state: last ? 'failed' : 'pending', lastError: error.slice(0, 1000), nextAttemptAt: last ? null : next, updatedAt: new Date() })
      .where(eq(outboxMessages.id, m.id));
    if (last) {
      if (m.template !== 'mail_failed') {
        await queueToAdmins(tx, `mail_failed:${m.id}`, 'mail_failed', { message_id: m.id, template: m.template, recipient: m.recipient, attempts: m.attempts, last_error: error.slice(0, 300) });
      }
    } else {
      await enqueue(tx, QUEUES.deliverMail, { messageId: m.id }, { startAfter: next, retryLimit: 0 });
    }
  });
  return last ? 'failed' : 'retrying';
}

/**
 * The worker's safety net: messages whose job was lost (a crash, a kill)
 * are delivered anyway: pending ones past their time, and `sending` ones
 * whose attempt never finished.
 */
export async function deliverDueMessages(limit = 50): Promise<number> {
  const stale = new Date(Date.now() - SENDING_TIMEOUT_SECONDS * 1000);
  const quiet = new Date(Date.now() - 5_000);
  const due = await getDb()
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      or(
        and(eq(outboxMessages.state, 'pending'), lt(outboxMessages.updatedAt, quiet), or(sql`${outboxMessages.nextAttemptAt} is null`, lt(outboxMessages.nextAttemptAt, new Date()))),
        and(eq(outboxMessages.state, 'sending'), lt(outboxMessages.updatedAt, stale)),
      ),
    )
    .orderBy(outboxMessages.createdAt)
    .limit(limit);
  let sent = 0;
  for (const { id } of due) if ((await deliverMessage(id)) === 'sent') sent++;
  return sent;
}

/** An admin's resend of a failed message: one new attempt, same idempotency key and Message-ID. */
export async function resendMessage(id: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(outboxMessages)
      .set({ state: 'pending', nextAttemptAt: null, updatedAt: new Date(0) })
      .where(and(eq(outboxMessages.id, id), inArray(outboxMessages.state, ['failed'])))
      .returning({ id: outboxMessages.id, attempts: outboxMessages.attempts });
    if (!row) return false;
    // One more attempt than were made so far is allowed.
    await tx.update(outboxMessages).set({ attempts: sql`least(${outboxMessages.attempts}, ${env().MAIL_MAX_ATTEMPTS - 1})` }).where(eq(outboxMessages.id, id));
    await enqueue(tx, QUEUES.deliverMail, { messageId: id }, { retryLimit: 0 });
    return true;
  });
}
