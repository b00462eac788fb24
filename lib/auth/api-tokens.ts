import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { publicUserFields, toPublicUser, type PublicUser } from '@/lib/users';
import { addDays } from '@/lib/time';

const PREFIX = 'wbt_';

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a bearer token; only its SHA-256 is stored, so a database leak yields no usable tokens. */
export async function issueApiToken(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = addDays(now(), env().API_TOKEN_TTL_DAYS);
  await getDb().insert(apiTokens).values({ userId, tokenHash: digest(token), expiresAt });
  return { token, expiresAt };
}

/** The user behind a live (unexpired, unrevoked) token, or null. */
export async function userForApiToken(token: string): Promise<PublicUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await getDb()
    .select({ tokenId: apiTokens.id, user: publicUserFields })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, digest(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now())))
    .limit(1);
  if (!row || row.user.disabledAt || row.user.deletedAt) return null;
  return toPublicUser(row.user);
}

/** Revokes every live bearer token of a user (their sessions end: see endAllSessions). */
export async function revokeUserApiTokens(db: DbOrTx, userId: string): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: now() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function revokeApiToken(token: string): Promise<void> {
  await getDb().update(apiTokens).set({ revokedAt: now() }).where(eq(apiTokens.tokenHash, digest(token)));
}
