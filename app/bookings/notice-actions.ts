'use server';

import { revalidatePath } from 'next/cache';
import { markNoticeRead } from '@/lib/bookings';
import { formAction } from '@/lib/http';
import { emptyFormState } from '@/lib/form-state';

/** POST /api/v1/notices/:id/read: the notice is marked read and leaves the list; another user's notice is left alone. */
const dismissNotice = formAction({ access: 'user' }, async ({ user, input }) => {
  await markNoticeRead(user.id, input.id('notice_id', 'No such unread notice.'));
  revalidatePath('/account', 'layout');
  return { ok: 'Dismissed.' };
});

/** "Dismiss", a plain form action: nothing is shown back, the list re-renders without the notice. */
export async function dismissNoticeAction(form: FormData): Promise<void> {
  await dismissNotice(emptyFormState, form);
}
