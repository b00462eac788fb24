import { users, type User, type UserRole } from '@/db/schema';

/** What may leave the server about a user: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  created_at: string;
}

/** The columns a query selects to build a PublicUser (and to refuse disabled or deleted accounts). */
export const publicUserFields = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
  deletedAt: users.deletedAt,
};

export function toPublicUser(user: Pick<User, 'id' | 'email' | 'name' | 'role' | 'createdAt'>): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, created_at: user.createdAt.toISOString() };
}
