import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { ProfileInput } from './fields';
import { toPublicUser, type PublicUser } from './public-user';

/** The signed-in user as GET /api/v1/me answers: the public fields, the phone (digits) and the reading zone. */
export interface ProfileDto extends PublicUser {
  phone: string | null;
  /** IANA zone, or null: times are then shown in the browser's zone. */
  time_zone: string | null;
}

const live = (id: string) => and(eq(users.id, id), isNull(users.deletedAt));

export async function getProfile(id: string): Promise<ProfileDto> {
  const [row] = await getDb().select().from(users).where(live(id)).limit(1);
  if (!row) throw new AppError('not_found', 'No such user.');
  return { ...toPublicUser(row), phone: row.phone, time_zone: row.timeZone };
}

/** Changes only the fields sent; null clears the phone or the zone. */
export async function updateProfile(id: string, input: ProfileInput): Promise<ProfileDto> {
  const set: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.phone !== undefined) set.phone = input.phone;
  if (input.time_zone !== undefined) set.timeZone = input.time_zone;
  if (Object.keys(set).length) await getDb().update(users).set({ ...set, updatedAt: now() }).where(live(id));
  return getProfile(id);
}

/** The row a password check needs (never leaves the server). */
export async function findPasswordHolder(db: DbOrTx, by: { id: string } | { email: string }) {
  const where = 'id' in by ? eq(users.id, by.id) : eq(users.email, by.email);
  const [row] = await db
    .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
    .from(users)
    .where(where)
    .limit(1);
  return row && !row.disabledAt && !row.deletedAt ? row : null;
}

export async function setPasswordHash(db: DbOrTx, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now() }).where(eq(users.id, id));
}

/** Raises the user's session epoch: every browser session issued before ends on its next request. */
export async function bumpSessionEpoch(db: DbOrTx, id: string): Promise<void> {
  await db.update(users).set({ sessionEpoch: sql`${users.sessionEpoch} + 1`, updatedAt: now() }).where(eq(users.id, id));
}

/** The session epoch of a live (not disabled, not deleted) user, or null. */
export async function liveSessionEpoch(id: string): Promise<number | null> {
  const [row] = await getDb().select({ epoch: users.sessionEpoch }).from(users).where(and(live(id), isNull(users.disabledAt))).limit(1);
  return row?.epoch ?? null;
}

/**
 * Erases a deleted account's personal data and keeps the row (payments and
 * ledgers point at it): a fixed name, an address that cannot receive mail, no
 * phone or zone, a password hash no password matches.
 */
export async function anonymiseUser(db: DbOrTx, id: string): Promise<void> {
  const at = now();
  await db
    .update(users)
    .set({ name: 'Deleted user', email: `deleted-${id}@invalid`, phone: null, timeZone: null, passwordHash: '!deleted', deletedAt: at, updatedAt: at })
    .where(eq(users.id, id));
}

/** How many active admins there are besides this user. */
export async function otherActiveAdmins(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), isNull(users.deletedAt), sql`${users.id} <> ${id}`));
  return row?.n ?? 0;
}
