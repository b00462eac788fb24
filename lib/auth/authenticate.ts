import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type CredentialsInput, toPublicUser, type PublicUser } from '@/lib/users';
import { markLoginSucceeded, reserveLoginAttempt } from './login-attempts';
import { burnPasswordCheck, verifyPassword } from '@/lib/crypto';

/**
 * Checks an e-mail and password under the failed-login limit. The same answer
 * is given for an unknown e-mail and a wrong password.
 */
export async function authenticate(input: CredentialsInput, ip: string): Promise<PublicUser & { sessionEpoch: number }> {
  const attemptId = await reserveLoginAttempt(input.email, ip);
  const [user] = await getDb().select().from(users).where(eq(users.email, input.email)).limit(1);

  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !ok || user.disabledAt || user.deletedAt) {
    throw new AppError('invalid_credentials', 'The e-mail or password is incorrect.');
  }
  await markLoginSucceeded(attemptId);
  return { ...toPublicUser(user), sessionEpoch: user.sessionEpoch };
}
