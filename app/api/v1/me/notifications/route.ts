import { apiRoute } from '@/lib/http';
import { notificationsBody, remindersOf, setReminders } from '@/lib/mail';

// GET/PUT /api/v1/me/notifications {reminders}: reminders can be turned off; confirmations, receipts, refunds and cancellations always go.
export const GET = apiRoute({ access: 'user' }, async ({ user }) => ({ reminders: await remindersOf(user.id) }));
export const PUT = apiRoute({ access: 'user', body: notificationsBody }, async ({ user, body }) => {
  await setReminders(user.id, body.reminders);
  return { reminders: body.reminders };
});
