'use server';

import { revalidatePath } from 'next/cache';
import { markNoticeRead } from '@/lib/bookings/notices';
import { actionUser, field } from './action-helpers';

/** "Dismiss": the notice is marked read and leaves the list; another user's notice is left alone. */
export async function dismissNoticeAction(form: FormData): Promise<void> {
  const user = await actionUser(['client', 'provider', 'admin']);
  const id = field(form, 'notice_id');
  if (!user || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return;
  await markNoticeRead(user.id, id);
  revalidatePath('/account', 'layout');
}
