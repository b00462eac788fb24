import 'server-only';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { publicUserFields, toPublicUser, type PublicUser } from './public-user';
import { containsPattern } from '@/lib/fields';

export async function findUserRoleByEmail(email: string): Promise<UserRole | null> {
  const [row] = await getDb().select({ role: users.role }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row?.role ?? null;
}

/** A user as the admin list and PATCH /api/v1/users/:id show them. */
export interface AdminUserDto extends PublicUser {
  /** False once deactivated (or deleted): no sign-in, no session, no token. */
  active: boolean;
  deactivated_at: string | null;
  deleted: boolean;
}

export interface UserPage {
  users: AdminUserDto[];
  total: number;
  page: number;
  pageSize: number;
}

export function toAdminUser(u: Parameters<typeof toPublicUser>[0] & { disabledAt: Date | null; deletedAt: Date | null }): AdminUserDto {
  return { ...toPublicUser(u), active: !u.disabledAt && !u.deletedAt, deactivated_at: u.disabledAt?.toISOString() ?? null, deleted: u.deletedAt !== null };
}

export async function getAdminUser(db: DbOrTx, id: string): Promise<AdminUserDto | null> {
  const [row] = await db.select(publicUserFields).from(users).where(eq(users.id, id)).limit(1);
  return row ? toAdminUser(row) : null;
}

/** Users for the admin list, by role then e-mail, filtered by role and a search on name or e-mail. */
export async function listUsers(options: { page: number; pageSize: number; role?: UserRole; search?: string }): Promise<UserPage> {
  const filters: SQL[] = [];
  if (options.role) filters.push(eq(users.role, options.role));
  const search = options.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    const match = or(ilike(users.email, pattern), ilike(users.name, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const db = getDb();
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(publicUserFields)
      .from(users)
      .where(where)
      .orderBy(asc(users.role), asc(users.email))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    users: rows.map(toAdminUser),
    total: totalRow?.n ?? 0,
    page: options.page,
    pageSize: options.pageSize,
  };
}
