'use server';

import { revalidatePath } from 'next/cache';
import { classFormFieldNames, createClassesFromForm } from '@/lib/schedule/class-form';
import { actionUser, failure, notAllowed, type ScheduleFormState } from '@/lib/schedule/form-actions';

export async function scheduleClassAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  let created: number;
  try {
    created = await createClassesFromForm(form, user);
  } catch (err) {
    return failure(err, classFormFieldNames);
  }
  revalidatePath('/provider/classes');
  return { ok: created === 1 ? 'Class scheduled.' : `${created} weekly classes scheduled.`, savedAt: Date.now() };
}
