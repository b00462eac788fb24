import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { notices } from '@/db/schema';
import { now } from '@/lib/clock';

export async function addNotice(db: DbOrTx, userId: string, notice: { kind: string; message: string; link?: string }): Promise<void> {
  await db.insert(notices).values({ userId, kind: notice.kind, message: notice.message, link: notice.link ?? null, createdAt: now() });
}

export interface NoticeDto {
  id: string;
  kind: string;
  message: string;
  link: string | null;
  created_at: string;
  read: boolean;
}

/** The user's notices, newest first; unread ones only unless asked. */
export async function listNotices(userId: string, options: { includeRead?: boolean; limit?: number } = {}): Promise<NoticeDto[]> {
  const rows = await getDb()
    .select()
    .from(notices)
    .where(options.includeRead ? eq(notices.userId, userId) : and(eq(notices.userId, userId), isNull(notices.readAt)))
    .orderBy(desc(notices.createdAt))
    .limit(options.limit ?? 20);
  return rows.map((n) => ({ id: n.id, kind: n.kind, message: n.message, link: n.link, created_at: n.createdAt.toISOString(), read: n.readAt !== null }));
}

export async function markNoticeRead(userId: string, id: string): Promise<boolean> {
  const updated = await getDb()
    .update(notices)
    .set({ readAt: now() })
    .where(and(eq(notices.id, id), eq(notices.userId, userId), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return updated.length > 0;
}
