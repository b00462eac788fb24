import 'server-only';
import type { DbOrTx } from '@/db/client';
import { getDb } from '@/db/client';
import { endedSessions } from '@/db/schema';
import { bumpSessionEpoch } from '@/lib/users';
import { revokeUserApiTokens } from './api-tokens';

/**
 * Ends every session of a user at once: each browser session (its JWT carries
 * the epoch it was issued under, which stops matching the row) and every bearer
 * token. Password change and reset, account deletion, and deactivation use it.
 */
export async function endAllSessions(db: DbOrTx, userId: string): Promise<void> {
  await bumpSessionEpoch(db, userId);
  await revokeUserApiTokens(db, userId);
}

/**
 * Ends one browser session (sign-out): its id is refused from now on, so a
 * copy of its cookie stops working at once; the user's other sessions go on.
 * Kept until the session would have expired anyway.
 */
export async function endSession(sessionId: string, userId: string, expiresAt: Date): Promise<void> {
  await getDb().insert(endedSessions).values({ sessionId, userId, expiresAt }).onConflictDoNothing();
}
