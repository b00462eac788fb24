import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import { readQuestionnaire, type QuestionnaireView } from '@/lib/questionnaire';

/** readQuestionnaire for pages: what the viewer may not see is Next's 404 page. */
export async function questionnaireForPage(clientId: string, viewer: PublicUser): Promise<QuestionnaireView> {
  try {
    return await readQuestionnaire(clientId, viewer);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}
