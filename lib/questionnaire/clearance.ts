import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { questionnaires } from '@/db/schema';
import { now } from '@/lib/clock';
import { encryptJson } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/fields';
import { logger } from '@/lib/logger';
import type { PublicUser } from '@/lib/users';
import { canClearQuestionnaire, canViewQuestionnaire, isUuid } from './access';
import { clearanceInput } from './input';
import { questionnaireStatus, type QuestionnaireStatus } from './status';

type Viewer = Pick<PublicUser, 'id' | 'role'>;

const notFound = () => new AppError('not_found', 'No such questionnaire.');

/**
 * Clears a flagged questionnaire so its client may book (PRODUCT.md): an admin
 * or a provider the client has booked with, with a note saying why. Only the
 * current, unexpired, flagged and uncleared questionnaire can be cleared.
 */
export async function clearQuestionnaire(questionnaireId: string, viewer: Viewer, note: unknown): Promise<QuestionnaireStatus> {
  if (!isUuid(questionnaireId)) throw notFound();
  const at = now();
  const clientId = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: questionnaires.userId,
        requiresClearance: questionnaires.requiresClearance,
        clearedAt: questionnaires.clearedAt,
        supersededAt: questionnaires.supersededAt,
        expiresAt: questionnaires.expiresAt,
      })
      .from(questionnaires)
      .where(eq(questionnaires.id, questionnaireId))
      .for('update');
    // Those who may not see it learn nothing, not even that it exists.
    if (!row || !(await canViewQuestionnaire(viewer, row.userId))) throw notFound();
    if (!(await canClearQuestionnaire(viewer, row.userId))) {
      throw new AppError('forbidden', 'Only an admin or one of your practitioners can clear your questionnaire.');
    }
    const parsed = clearanceInput.safeParse({ note });
    if (!parsed.success) {
      throw new AppError('validation_failed', 'Add a note saying why the client may book.', { fields: fieldErrors(parsed.error) });
    }
    if (row.supersededAt) throw new AppError('conflict', 'This questionnaire has been replaced by a newer one.');
    if (!row.requiresClearance) throw new AppError('conflict', 'This questionnaire does not need clearing.');
    if (row.clearedAt) throw new AppError('conflict', 'This questionnaire has already been cleared.');
    if (row.expiresAt.getTime() <= at.getTime()) {
      throw new AppError('conflict', 'This questionnaire has expired; the client must renew it first.');
    }
    await tx
      .update(questionnaires)
      .set({ clearedAt: at, clearedBy: viewer.id, clearanceNoteEncrypted: encryptJson({ note: parsed.data.note }, row.userId) })
      .where(eq(questionnaires.id, questionnaireId));
    return row.userId;
  });
  logger.info('questionnaire cleared', { questionnaire_id: questionnaireId, client_id: clientId, cleared_by: viewer.id });
  return questionnaireStatus(clientId, at);
}
