import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * A private calendar feed per user: a secret token in the URL (stored as its
 * SHA-256 only), shown when made, revocable; a new one revokes the old.
 */
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function feedUrl(token: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}/api/calendar/${token}.ics`;
}

export async function createFeed(userId: string): Promise<{ url: string }> {
  const token = `cal_${randomBytes(24).toString('base64url')}`;
  await getDb().transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: new Date(), updatedAt: new Date() }).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
    await tx.insert(calendarFeeds).values({ userId, tokenHash: hash(token) });
  });
  return { url: feedUrl(token) };
}

export async function revokeFeed(userId: string): Promise<boolean> {
  const rows = await getDb()
    .update(calendarFeeds)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

export async function hasFeed(userId: string): Promise<boolean> {
  const [row] = await getDb().select({ id: calendarFeeds.id }).from(calendarFeeds).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt))).limit(1);
  return row !== undefined;
}

/** The user a live feed token belongs to, or null (unknown or revoked). */
export async function feedOwner(token: string): Promise<string | null> {
  if (!/^cal_[\w-]{20,64}$/.test(token)) return null;
  const [row] = await getDb()
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hash(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row?.userId ?? null;
}
