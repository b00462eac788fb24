import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { now } from '@/lib/clock';

/**
 * Writes behind an admin's changes to an account (role, activation, name).
 * The rules and the audit are in lib/accounts (changeUser); these run in its
 * transaction.
 */

/**
 * Serialises every change that can take away an admin (demotion, deactivation,
 * an admin deleting their account), so two at once cannot both see "another
 * admin is left" and leave none.
 */
export async function lockAdminSeats(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('admin-seats'))`);
}

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabledAt: Date | null;
  deletedAt: Date | null;
}

/** The account, locked for the rest of the transaction, or undefined. */
export async function lockAccount(tx: DbOrTx, id: string): Promise<AccountRow | undefined> {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, id))
    .for('update')
    .limit(1);
  return row;
}

export async function setAccountRole(tx: DbOrTx, id: string, role: UserRole): Promise<void> {
  await tx.update(users).set({ role, updatedAt: now() }).where(eq(users.id, id));
}

/** Deactivates (at) or reactivates (null) an account. */
export async function setAccountDisabled(tx: DbOrTx, id: string, at: Date | null): Promise<void> {
  await tx.update(users).set({ disabledAt: at, updatedAt: now() }).where(eq(users.id, id));
}

export async function setAccountName(tx: DbOrTx, id: string, name: string): Promise<void> {
  await tx.update(users).set({ name, updatedAt: now() }).where(eq(users.id, id));
}
