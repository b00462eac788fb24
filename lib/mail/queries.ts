import 'server-only';
import { and, desc, eq, ilike, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { outboxMessages, outboxState, type OutboxMessage } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { containsPattern, isUuid } from '@/lib/fields';
import { composeMessage } from './deliver';

export const listMessagesQuery = z.object({
  state: z.enum(outboxState.enumValues).optional(),
  recipient: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export interface OutboxMessageDto {
  id: string;
  recipient: string;
  template: string;
  subject: string | null;
  state: OutboxMessage['state'];
  attempts: number;
  last_error: string | null;
  message_id: string;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
}

function toDto(m: OutboxMessage): OutboxMessageDto {
  return {
    id: m.id,
    recipient: m.recipient,
    template: m.template,
    subject: m.subject,
    state: m.state,
    attempts: m.attempts,
    last_error: m.lastError,
    message_id: m.messageId,
    created_at: m.createdAt.toISOString(),
    sent_at: m.sentAt?.toISOString() ?? null,
    next_attempt_at: m.nextAttemptAt?.toISOString() ?? null,
  };
}

/** Admins: every outbox message, newest first, by state and recipient (a part of the address). */
export async function listMessages(q: ListMessagesQuery): Promise<{ messages: OutboxMessageDto[]; total: number; page: number; page_size: number }> {
  const where = and(q.state ? eq(outboxMessages.state, q.state) : undefined, q.recipient ? ilike(outboxMessages.recipient, containsPattern(q.recipient)) : undefined);
  const [rows, [count]] = await Promise.all([
    getDb().select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id)).limit(q.page_size).offset((q.page - 1) * q.page_size),
    getDb().select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(where),
  ]);
  return { messages: rows.map(toDto), total: count?.n ?? 0, page: q.page, page_size: q.page_size };
}

export interface MessagePreviewDto extends OutboxMessageDto {
  rendered: { subject: string; html: string; text: string; headers: Record<string, string>; attachments: { filename: string; content_type: string; content: string }[] };
}

/** One message as it is (or was) sent: its HTML, text, headers and attachments, rendered from its stored data. */
export async function getMessage(id: string): Promise<MessagePreviewDto> {
  if (!isUuid(id)) throw new AppError('not_found', 'No such message.');
  const [m] = await getDb().select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
  if (!m) throw new AppError('not_found', 'No such message.');
  const r = await composeMessage(m);
  return {
    ...toDto(m),
    rendered: {
      subject: r.subject,
      html: r.html,
      text: r.text,
      headers: { 'Message-ID': m.messageId, To: m.recipient, Subject: r.subject, ...r.headers },
      attachments: r.attachments.map((a) => ({ filename: a.filename, content_type: a.contentType, content: a.content })),
    },
  };
}
