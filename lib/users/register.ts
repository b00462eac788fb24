import 'server-only';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db-errors';
import type { RegisterInput } from './fields';
import { toPublicUser, type PublicUser } from './public-user';

/** Creates a client account. A duplicate e-mail is refused by the unique index, not a prior lookup. */
export async function registerClient(input: RegisterInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await getDb()
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: 'client' })
      .returning();
    if (!user) throw new Error('user was not created');
    return toPublicUser(user);
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_key')) {
      throw new AppError('email_taken', 'An account with this e-mail already exists.', {
        fields: { email: ['An account with this e-mail already exists.'] },
      });
    }
    throw err;
  }
}
