'use server';

import { revalidatePath } from 'next/cache';
import { addException, availabilityInput, deleteException, exceptionInput, replaceAvailability } from '@/lib/schedule/availability';
import { validationError } from '@/lib/http/fields';
import { actionUser, failure, notAllowed, text, type ScheduleFormState } from '@/lib/schedule/form-actions';

/** Weekly hours: each weekday's rows arrive as repeated start_<weekday> / end_<weekday> inputs. */
export async function saveWeeklyHoursAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  const rules: { weekday: number; start: string; end: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const starts = form.getAll(`start_${weekday}`).map(String);
    const ends = form.getAll(`end_${weekday}`).map(String);
    starts.forEach((start, i) => {
      const end = ends[i] ?? '';
      if (start || end) rules.push({ weekday, start, end });
    });
  }
  const parsed = availabilityInput.safeParse({ time_zone: text(form, 'time_zone'), rules });
  try {
    if (!parsed.success) throw validationError(parsed.error);
    await replaceAvailability(user.id, parsed.data);
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/provider/availability');
  return { ok: 'Weekly hours saved.', savedAt: Date.now() };
}

export async function addExceptionAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  const dayOff = text(form, 'kind') !== 'hours';
  const parsed = exceptionInput.safeParse({
    date: text(form, 'date'),
    start: dayOff ? null : text(form, 'start'),
    end: dayOff ? null : text(form, 'end'),
    note: text(form, 'note'),
  });
  try {
    if (!parsed.success) throw validationError(parsed.error);
    await addException(user.id, parsed.data);
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/provider/availability');
  return { ok: 'Exception added.', savedAt: Date.now() };
}

export async function removeExceptionAction(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const user = await actionUser(['provider']);
  if (!user) return notAllowed;
  try {
    await deleteException(text(form, 'id'), user.id);
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/provider/availability');
  return { ok: 'Exception removed.', savedAt: Date.now() };
}
