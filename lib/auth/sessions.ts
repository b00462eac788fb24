import 'server-only';
import type { DbOrTx } from '@/db/client';
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
