import 'server-only';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { loginAttempts } from '@/db/schema';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

function advisoryLock(key: string) {
  return sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

async function failuresSince(tx: Tx, where: ReturnType<typeof eq>, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)));
  return row?.n ?? 0;
}

/**
 * Reserves a login attempt, or refuses it with 429 when the account or the IP
 * already has LOGIN_MAX_FAILURES failures inside the window (an account's
 * count restarts at its last successful sign-in). The attempt is written as a
 * failure first and turned into a success once the password checks out; the
 * count and the insert run under per-account and per-IP advisory locks, so
 * concurrent guesses, even across app processes, cannot slip past the limit.
 */
export async function reserveLoginAttempt(email: string, ip: string): Promise<number> {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const windowStart = new Date(now().getTime() - LOGIN_WINDOW_MINUTES * 60_000);

  return getDb().transaction(async (tx) => {
    // Always account first, then IP: a fixed order means no deadlock between two attempts.
    await tx.execute(advisoryLock(`login:email:${email}`));
    await tx.execute(advisoryLock(`login:ip:${ip}`));

    const [lastSuccess] = await tx
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true), gt(loginAttempts.attemptedAt, windowStart)))
      .orderBy(desc(loginAttempts.attemptedAt))
      .limit(1);
    const accountSince = lastSuccess?.at ?? windowStart;

    const accountFailures = await failuresSince(tx, eq(loginAttempts.email, email), accountSince);
    const ipFailures = await failuresSince(tx, eq(loginAttempts.ip, ip), windowStart);
    if (accountFailures >= LOGIN_MAX_FAILURES || ipFailures >= LOGIN_MAX_FAILURES) {
      throw new AppError('rate_limited', `Too many failed sign-in attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, {
        headers: { 'Retry-After': String(LOGIN_WINDOW_MINUTES * 60) },
      });
    }

    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ email, ip, succeeded: false, attemptedAt: now() })
      .returning({ id: loginAttempts.id });
    if (!attempt) throw new Error('login attempt was not recorded');
    return attempt.id;
  });
}

export async function markLoginSucceeded(attemptId: number): Promise<void> {
  await getDb().update(loginAttempts).set({ succeeded: true, attemptedAt: now() }).where(eq(loginAttempts.id, attemptId));
}
