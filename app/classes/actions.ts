'use server';

import { revalidatePath } from 'next/cache';
import { revalidateBookingPages } from '@/app/bookings/revalidate';
import { completeClass } from '@/lib/flows';
import { formAction } from '@/lib/http';
import { classFormBody, classFormFieldNames, createClasses, createClassesInput } from '@/lib/schedule';

/** POST /api/v1/classes from "Schedule a class": an admin for the practitioner chosen, a practitioner for themselves. */
export const scheduleClassAction = formAction(
  { access: ['admin', 'provider'], schema: createClassesInput, body: classFormBody, fieldNames: classFormFieldNames },
  async ({ user, body }) => {
    const created = (await createClasses(body, user)).length;
    revalidatePath('/admin/classes');
    revalidatePath('/provider/classes');
    return { ok: created === 1 ? 'Class scheduled.' : `${created} weekly classes scheduled.` };
  },
);

/** POST /api/v1/classes/:id/complete (the class's practitioner, or an admin): the class is delivered, and so are its bookings' earnings. */
export const completeClassAction = formAction({ access: ['admin', 'provider'] }, async ({ user, input }) => {
  const { completed_bookings: done } = await completeClass(input.id('class_id', 'No such class.'), user);
  revalidatePath('/admin/classes');
  revalidatePath('/provider', 'layout');
  revalidateBookingPages();
  return { ok: `Class completed${done ? `: ${done === 1 ? '1 booking' : `${done} bookings`} delivered` : ''}.` };
});
