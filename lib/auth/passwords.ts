import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, isNull, like, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts, passwordResetTokens } from '@/db/schema';
import { now } from '@/lib/clock';
import { hashPassword, verifyPassword } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { queueMessage, sealResetToken } from '@/lib/mail';
import { findPasswordHolder, setPasswordHash, type ChangePasswordInput, type PasswordResetConfirmInput } from '@/lib/users';
import { endAllSessions } from './sessions';

/** The answer to every reset request, whether or not the address has an account. */
export const RESET_REQUESTED = 'If an account uses this address, we have sent it a link to choose a new password. It works for an hour.';

/** A reset link works for an hour, once. */
export const RESET_TTL_MS = 60 * 60_000;
/** Reset requests per address, and per IP address, in RESET_WINDOW_MS; more are refused with 429 whether or not the address exists. */
const RESET_MAX_PER_ADDRESS = 3;
const RESET_MAX_PER_IP = 20;
const RESET_WINDOW_MS = 60 * 60_000;
// Reset requests are counted in login_attempts under this prefix, written as successes so they never
// count as failed sign-ins of the IP address.
const RESET_KEY = 'password-reset:';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Checks the user's current password (a field error when wrong), sets the new
 * one, and ends every session and bearer token of the user, the browser
 * session that asked included: the user signs in again with the new password.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
  const holder = await findPasswordHolder(getDb(), { id: userId });
  if (!holder || !(await verifyPassword(holder.passwordHash, input.current_password))) {
    throw new AppError('validation_failed', 'The current password is incorrect.', { fields: { current_password: ['The current password is incorrect.'] } });
  }
  const passwordHash = await hashPassword(input.new_password);
  await getDb().transaction(async (tx) => {
    await setPasswordHash(tx, userId, passwordHash);
    await endAllSessions(tx, userId);
  });
}

/** Checks a password for a destructive step (deleting the account): a field error when wrong. */
export async function confirmPassword(userId: string, password: string): Promise<void> {
  const holder = await findPasswordHolder(getDb(), { id: userId });
  if (!holder || !(await verifyPassword(holder.passwordHash, password))) {
    throw new AppError('validation_failed', 'The password is incorrect.', { fields: { password: ['The password is incorrect.'] } });
  }
}

/**
 * Starts a forgotten-password reset. The caller answers 202 the same way
 * whether or not the address has an account: the same checks, a token made
 * and hashed, one transaction either way; only for a live account is the
 * token row written and the e-mail queued in it.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  const token = `rst_${randomBytes(32).toString('base64url')}`;
  const tokenHash = digest(token);
  const at = now();
  const expiresAt = new Date(at.getTime() + RESET_TTL_MS);
  await getDb().transaction(async (tx) => {
    const since = new Date(at.getTime() - RESET_WINDOW_MS);
    const counted = async (...where: SQL[]) =>
      (await tx.select({ n: count() }).from(loginAttempts).where(and(...where, gt(loginAttempts.attemptedAt, since))))[0]?.n ?? 0;
    const byAddress = await counted(eq(loginAttempts.email, RESET_KEY + email));
    const byIp = await counted(eq(loginAttempts.ip, ip), like(loginAttempts.email, `${RESET_KEY}%`));
    if (byAddress >= RESET_MAX_PER_ADDRESS || byIp >= RESET_MAX_PER_IP) {
      throw new AppError('rate_limited', 'Too many reset requests. Try again in an hour.', { headers: { 'Retry-After': String(RESET_WINDOW_MS / 1000) } });
    }
    await tx.insert(loginAttempts).values({ email: RESET_KEY + email, ip, succeeded: true, attemptedAt: at });
    const holder = await findPasswordHolder(tx, { email });
    if (!holder) return;
    const [row] = await tx.insert(passwordResetTokens).values({ userId: holder.id, tokenHash, expiresAt, createdAt: at }).returning({ id: passwordResetTokens.id });
    await queueMessage(tx, {
      key: `password_reset:${row?.id}`,
      template: 'password_reset',
      data: { token_sealed: sealResetToken(token), expires_at: expiresAt.toISOString() },
      userId: holder.id,
    });
  });
}

const badLink = () =>
  new AppError('validation_failed', 'This reset link is invalid, used or expired. Ask for a new one.', { fields: { token: ['This reset link is invalid, used or expired. Ask for a new one.'] } });

/**
 * Sets a new password with a reset token: single use (taken under a row lock,
 * so two submissions cannot both succeed), unexpired, of a live account. Every
 * session and token of the user ends, and the user's other reset links stop working.
 */
export async function confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
  // Hashed first, before the lookup, so a bad token costs what a good one does.
  const passwordHash = await hashPassword(input.password);
  await getDb().transaction(async (tx) => {
    const at = now();
    const [row] = await tx
      .select({ id: passwordResetTokens.id, userId: passwordResetTokens.userId })
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.tokenHash, digest(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, at)))
      .for('update')
      .limit(1);
    if (!row || !(await findPasswordHolder(tx, { id: row.userId }))) throw badLink();
    await tx.update(passwordResetTokens).set({ usedAt: at }).where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
    await setPasswordHash(tx, row.userId, passwordHash);
    await endAllSessions(tx, row.userId);
  });
}
