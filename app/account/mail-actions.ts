'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { createFeed, notificationsBody, revokeFeed, setReminders } from '@/lib/mail';

/** The pages that show these settings: the client's account page and the practitioner's practice page. */
function revalidateSettings(): void {
  revalidatePath('/account');
  revalidatePath('/provider');
}

/** PUT /api/v1/me/notifications {reminders}: confirmations, receipts and cancellations go regardless. */
export const setRemindersAction = formAction(
  { access: 'user', schema: notificationsBody, body: (input) => ({ reminders: input.text('reminders') === 'on' }) },
  async ({ user, body }) => {
    await setReminders(user.id, body.reminders);
    revalidateSettings();
    return { ok: body.reminders ? 'Reminders are on.' : 'Reminders are off.' };
  },
);

/** POST /api/v1/me/calendar-feed: a new secret URL, shown to this form once; an older one stops working. */
export const createFeedAction = formAction({ access: 'user' }, async ({ user }) => {
  const { url } = await createFeed(user.id);
  revalidateSettings();
  return { ok: 'Calendar feed created. Copy its address now: it is shown only once.', data: { url } };
});

/** DELETE /api/v1/me/calendar-feed */
export const revokeFeedAction = formAction({ access: 'user' }, async ({ user }) => {
  const revoked = await revokeFeed(user.id);
  revalidateSettings();
  return { ok: revoked ? 'Calendar feed revoked: its address no longer works.' : 'There was no calendar feed to revoke.' };
});
