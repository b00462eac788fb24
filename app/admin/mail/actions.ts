'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/http';
import { resendMessage } from '@/lib/mail';

/** An admin's resend of a failed message: one more attempt, with the same Message-ID. */
export const resendMessageAction = formAction({ access: ['admin'] }, async ({ input }) => {
  const id = input.id('message_id', 'No such message.');
  const queued = await resendMessage(id);
  revalidatePath('/admin/mail');
  revalidatePath(`/admin/mail/${id}`);
  if (!queued) return { error: 'Only a failed message can be resent; this one is no longer failed.' };
  return { ok: 'Queued again: the worker sends it within seconds.' };
});
