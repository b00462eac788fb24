import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, classes, creditEntries, credits, earningLines, outboxMessages, packagePurchases, payments, refunds } from '@/db/schema';
import { confirmPassword, endAllSessions } from '@/lib/auth';
import { now } from '@/lib/clock';
import { AppError, isAppError } from '@/lib/errors';
import { hasFeed, remindersOf, revokeFeed, setReminders } from '@/lib/mail';
import { eraseQuestionnaires, readQuestionnaire, type QuestionnaireView } from '@/lib/questionnaire';
import { anonymiseUser, getProfile, lockAdminSeats, otherActiveAdmins, type ProfileDto, type PublicUser } from '@/lib/users';

/** Bookings still to happen (or under way): they keep an account from being deleted. */
const ACTIVE = ['pending_payment', 'confirmed', 'in_progress'] as const;

/** Columns never exported, even to their owner: they are keys to something, not data about the user. */
const SECRET = /hash|secret|token|encrypted/i;

function withoutSecrets<T extends Record<string, unknown>>(rows: T[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET.test(k))));
}

export interface AccountExport {
  exported_at: string;
  profile: ProfileDto;
  bookings: Record<string, unknown>[];
  payments: Record<string, unknown>[];
  refunds: Record<string, unknown>[];
  credits: Record<string, unknown>[];
  credit_entries: Record<string, unknown>[];
  package_purchases: Record<string, unknown>[];
  /** The current questionnaire decrypted (answers, emergency contact) and the dates of earlier ones; null for non-clients. */
  questionnaire: QuestionnaireView | null;
  notification_preferences: { reminders: boolean };
  calendar_feed: { active: boolean };
  /** Every e-mail sent or queued to the user: what and when, not its body. */
  mail: { template: string; subject: string | null; state: string; created_at: string; sent_at: string | null }[];
}

/** Everything the app holds on the user, for the user only. Never logged. */
export async function exportAccount(user: PublicUser): Promise<AccountExport> {
  const db = getDb();
  const mine = or(eq(bookings.clientId, user.id), eq(bookings.providerId, user.id));
  const [profile, bookingRows, paymentRows, creditRows, purchaseRows, mailRows, reminders, feed] = await Promise.all([
    getProfile(user.id),
    db.select().from(bookings).where(mine).orderBy(asc(bookings.startsAt)),
    db.select().from(payments).where(eq(payments.userId, user.id)).orderBy(asc(payments.createdAt)),
    db.select().from(credits).where(eq(credits.clientId, user.id)),
    db.select().from(packagePurchases).where(eq(packagePurchases.clientId, user.id)).orderBy(asc(packagePurchases.createdAt)),
    db
      .select({ template: outboxMessages.template, subject: outboxMessages.subject, state: outboxMessages.state, createdAt: outboxMessages.createdAt, sentAt: outboxMessages.sentAt })
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, user.id))
      .orderBy(desc(outboxMessages.createdAt)),
    remindersOf(user.id),
    hasFeed(user.id),
  ]);
  const paymentIds = paymentRows.map((p) => p.id);
  const creditIds = creditRows.map((c) => c.id);
  const [refundRows, entryRows, questionnaire] = await Promise.all([
    paymentIds.length ? db.select().from(refunds).where(inArray(refunds.paymentId, paymentIds)) : [],
    creditIds.length ? db.select().from(creditEntries).where(inArray(creditEntries.creditId, creditIds)).orderBy(asc(creditEntries.id)) : [],
    user.role === 'client' ? readQuestionnaire(user.id, user).catch((err: unknown) => (isAppError(err) && err.code === 'not_found' ? null : Promise.reject(err))) : null,
  ]);
  return {
    exported_at: now().toISOString(),
    profile,
    bookings: withoutSecrets(bookingRows),
    payments: withoutSecrets(paymentRows),
    refunds: withoutSecrets(refundRows),
    credits: withoutSecrets(creditRows),
    credit_entries: withoutSecrets(entryRows),
    package_purchases: withoutSecrets(purchaseRows),
    questionnaire,
    notification_preferences: { reminders },
    calendar_feed: { active: feed },
    mail: mailRows.map((m) => ({ template: m.template, subject: m.subject, state: m.state, created_at: m.createdAt.toISOString(), sent_at: m.sentAt?.toISOString() ?? null })),
  };
}

const refuse = (message: string) => new AppError('conflict', message);

/** Why this account cannot be deleted now, or null. The same checks run again inside the deletion. */
export async function deletionBlocker(user: PublicUser): Promise<string | null> {
  const db = getDb();
  const at = now();
  if (user.role === 'admin' && (await otherActiveAdmins(db, user.id)) === 0) {
    return 'You are the only admin: make another admin before deleting your account.';
  }
  const [upcoming] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(or(eq(bookings.clientId, user.id), eq(bookings.providerId, user.id)), inArray(bookings.status, [...ACTIVE]), gt(bookings.endsAt, at)))
    .limit(1);
  if (upcoming) return 'You have upcoming bookings: cancel them first (your bookings page), then delete your account.';
  if (user.role === 'provider') {
    const [cls] = await db.select({ id: classes.id }).from(classes).where(and(eq(classes.providerId, user.id), isNull(classes.cancelledAt), gt(classes.startsAt, at))).limit(1);
    if (cls) return 'You have upcoming classes: cancel them first, then delete your account.';
    const [unpaid] = await db
      .select({ id: earningLines.id })
      .from(earningLines)
      .where(and(eq(earningLines.providerId, user.id), inArray(earningLines.state, ['pending', 'available'])))
      .limit(1);
    if (unpaid) return 'You have earnings not yet paid out: ask an admin to pay them out first, then delete your account.';
  }
  return null;
}

/**
 * Deletes the account (DELETE /api/v1/me): refused with 409 while the user is
 * the last admin, has upcoming bookings (they cancel them first, under the
 * normal cancellation rule), or, for providers, upcoming classes or unpaid
 * earnings. Erases the questionnaires, the name, e-mail, phone and zone, makes
 * the password unusable, ends every session and token, revokes the calendar
 * feed and turns reminders off. Payments, refunds, credits, their ledger and
 * earnings stay for the accounts, pointing at the anonymised row.
 */
export async function deleteAccount(user: PublicUser, password: string): Promise<void> {
  await confirmPassword(user.id, password);
  const blocker = await deletionBlocker(user);
  if (blocker) throw refuse(blocker);
  await getDb().transaction(async (tx) => {
    // Two admins deleting themselves at once must not both pass the last-admin check.
    await lockAdminSeats(tx);
    if (user.role === 'admin' && (await otherActiveAdmins(tx, user.id)) === 0) throw refuse('You are the only admin.');
    await eraseQuestionnaires(tx, user.id);
    await anonymiseUser(tx, user.id);
    await endAllSessions(tx, user.id);
  });
  await revokeFeed(user.id);
  await setReminders(user.id, false);
}
