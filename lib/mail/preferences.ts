import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { notificationPreferences } from '@/db/schema';
import { remindersOn } from './outbox';

/** Turns a user's reminders on or off (account page, or the one-click unsubscribe). Transactional messages always go. */
export async function setReminders(userId: string, on: boolean): Promise<void> {
  await getDb()
    .insert(notificationPreferences)
    .values({ userId, reminders: on })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { reminders: on, updatedAt: new Date() } });
}

/** Whether the user gets reminders (on unless turned off). */
export async function remindersOf(userId: string): Promise<boolean> {
  return remindersOn(getDb(), userId);
}

/** PUT /api/v1/me/notifications */
export const notificationsBody = z.strictObject({ reminders: z.boolean({ message: 'Say true or false.' }) });
