import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { questionnaires, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { encryptJson } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { queueToAdmins } from '@/lib/mail';
import { fieldErrors } from '@/lib/fields';
import { logger } from '@/lib/logger';
import { hasMedicalYes, questionnaireInput } from './input';
import type { QuestionnairePayload } from './payload';
import { CONSENT_TEXT, QUESTION_SET_VERSION } from './questions';
import { expiryFor, questionnaireStatus, type QuestionnaireStatus } from './status';

/**
 * Completes or renews the client's questionnaire. Renewal supersedes the
 * current one and keeps it as history (PRODUCT.md); the new one is valid for
 * 365 days and flagged for clearance when any medical answer is "yes".
 */
export async function submitQuestionnaire(userId: string, input: unknown): Promise<QuestionnaireStatus> {
  const parsed = questionnaireInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Some answers are missing or invalid.', { fields: fieldErrors(parsed.error) });
  }
  const { answers, emergency_contact } = parsed.data;
  const payload: QuestionnairePayload = {
    answers,
    emergency_contact,
    consent_text: CONSENT_TEXT,
    question_set_version: QUESTION_SET_VERSION,
  };
  const encrypted = encryptJson(payload, userId);
  const requiresClearance = hasMedicalYes(answers);
  const at = now();

  const id = await getDb().transaction(async (tx) => {
    // Locking the user serialises a client's submissions, so two at once cannot both become current.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('not_found', 'No such user.');
    await tx
      .update(questionnaires)
      .set({ supersededAt: at })
      .where(and(eq(questionnaires.userId, userId), isNull(questionnaires.supersededAt)));
    const [row] = await tx
      .insert(questionnaires)
      .values({
        userId,
        answersEncrypted: encrypted,
        questionSetVersion: QUESTION_SET_VERSION,
        completedAt: at,
        expiresAt: expiryFor(at),
        requiresClearance,
      })
      .returning({ id: questionnaires.id });
    if (!row) throw new Error('questionnaire insert returned no row');
    if (requiresClearance) {
      // The admins are told who, never what was answered.
      const [client] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
      await queueToAdmins(tx, `questionnaire_flagged:${row.id}`, 'questionnaire_flagged', { client_name: client?.name ?? '', client_id: userId, questionnaire_id: row.id });
    }
    return row.id;
  });

  // Ids and the flag only: never answers or contacts.
  logger.info('questionnaire submitted', { questionnaire_id: id, user_id: userId, requires_clearance: requiresClearance });
  return questionnaireStatus(userId, at);
}
