import 'server-only';
import { getDb } from '@/db/client';
import { sendSessionReminders } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { sendExpiringReminders } from '@/lib/credits';
import { sendRenewalReminders } from '@/lib/questionnaire';

/** The worker's reminder sweep: sessions coming up, questionnaires to renew, credits about to expire. Each is queued once. */
export async function sendDueReminders(at: Date = now()): Promise<{ sessions: number; questionnaires: number; credits: number }> {
  return {
    sessions: await sendSessionReminders(at),
    questionnaires: await sendRenewalReminders(at),
    credits: await sendExpiringReminders(getDb(), at),
  };
}
