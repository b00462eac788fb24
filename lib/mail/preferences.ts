import 'server-only';
import { getDb } from '@/db/client';
import { notificationPreferences } from '@/db/schema';

/** Turns a user's reminders on or off (account page, or the one-click unsubscribe). Transactional messages always go. */
export async function setReminders(userId: string, on: boolean): Promise<void> {
  await getDb()
    .insert(notificationPreferences)
    .values({ userId, reminders: on })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { reminders: on, updatedAt: new Date() } });
}
