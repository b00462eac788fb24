'use server';

import { revalidatePath } from 'next/cache';
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
