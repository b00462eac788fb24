import 'server-only';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { publicUserFields, toPublicUser, type PublicUser } from './public-user';

export async function findUserRoleByEmail(email: string): Promise<UserRole | null> {
  const [row] = await getDb().select({ role: users.role }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row?.role ?? null;
}

export interface UserPage {
  users: (PublicUser & { disabled: boolean })[];
  total: number;
  page: number;
  pageSize: number;
}

/** Users for the admin list, by role then e-mail, filtered by role and a search on name or e-mail. */
export async function listUsers(options: { page: number; pageSize: number; role?: UserRole; search?: string }): Promise<UserPage> {
  const filters: SQL[] = [];
  if (options.role) filters.push(eq(users.role, options.role));
  const search = options.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
    users: rows.map((u) => ({ ...toPublicUser(u), disabled: u.disabledAt !== null })),
    total: totalRow?.n ?? 0,
    page: options.page,
    pageSize: options.pageSize,
  };
}
