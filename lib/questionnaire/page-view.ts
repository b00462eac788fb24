import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/http/errors';
import type { PublicUser } from '@/lib/users/public-user';
import { readQuestionnaire, type QuestionnaireView } from './read';

/** readQuestionnaire for pages: what the viewer may not see is Next's 404 page. */
export async function questionnaireForPage(clientId: string, viewer: PublicUser): Promise<QuestionnaireView> {
  try {
    return await readQuestionnaire(clientId, viewer);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}
