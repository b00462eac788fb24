import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { publicUserFields, toPublicUser, type PublicUser } from '@/lib/users';
import { auth } from './next-auth';
import { REQUEST_PATH_HEADER, safeCallbackPath } from './roles';

/** The signed-in user of this request, read fresh from the database (so role changes apply at once). */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  // A session from before session epochs carries none: it counts as issued under the first (0).
  return findActiveUser(id, session.epoch ?? 0, session.sid);
});

/**
 * A user who is neither disabled nor deleted, or null. With `epoch` (a browser
 * session's), also null when the user's sessions were ended since it was issued.
 */
export async function findActiveUser(id: string, epoch?: number, sessionId?: string): Promise<PublicUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  // A session signed out of (its id in ended_sessions) is over, whatever its cookie says.
  const notEnded = sessionId && /^[0-9a-f-]{36}$/i.test(sessionId) ? sql`not exists (select 1 from ended_sessions e where e.session_id = ${sessionId}::uuid)` : undefined;
  const [user] = await getDb()
    .select({ ...publicUserFields, sessionEpoch: users.sessionEpoch })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt), isNull(users.deletedAt), notEnded))
    .limit(1);
  if (!user || (epoch !== undefined && user.sessionEpoch !== epoch)) return null;
  return toPublicUser(user);
}

/**
 * For pages: sends visitors to sign in (and back to the page they asked for,
 * which proxy.ts passes along), and answers 403 to users of another role.
 */
export async function requirePageRole(role: UserRole, fallbackPath: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) {
    const asked = safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER), fallbackPath);
    redirect(`/signin?callbackUrl=${encodeURIComponent(asked)}`);
  }
  if (user.role !== role) forbidden();
  return user;
}
