import 'server-only';
import { and, gt, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { questionnaires } from '@/db/schema';
import { DAY_MS } from '@/lib/time';
import { queueMessage } from '@/lib/mail';

/** Renewal reminders 30 and 7 days before a current questionnaire expires; one each, keyed by the questionnaire. */
export async function sendRenewalReminders(at: Date): Promise<number> {
  let queued = 0;
  for (const days of [30, 7]) {
    const due = await getDb()
      .select({ id: questionnaires.id, userId: questionnaires.userId, expiresAt: questionnaires.expiresAt })
      .from(questionnaires)
      .where(and(isNull(questionnaires.supersededAt), gt(questionnaires.expiresAt, at), lte(questionnaires.expiresAt, new Date(at.getTime() + days * DAY_MS))))
      .limit(500);
    for (const q of due) {
      const daysLeft = Math.ceil((q.expiresAt.getTime() - at.getTime()) / DAY_MS);
      // The 30-day reminder is not sent when the 7-day one is already due.
      if (days === 30 && daysLeft <= 7) continue;
      const id = await getDb().transaction((tx) =>
        queueMessage(tx, { key: `questionnaire_renewal:${q.id}:${days}`, template: 'questionnaire_renewal', data: { expires_at: q.expiresAt.toISOString(), days_left: daysLeft }, userId: q.userId }),
      );
      if (id) queued++;
    }
  }
  return queued;
}
