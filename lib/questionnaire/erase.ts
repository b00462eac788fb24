import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { questionnaires } from '@/db/schema';

/** Deletes every questionnaire of a user, history included (account deletion: health data is erased, not kept). */
export async function eraseQuestionnaires(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(questionnaires).where(eq(questionnaires.userId, userId)).returning({ id: questionnaires.id });
  return rows.length;
}
