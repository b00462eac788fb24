'use server';

import { revalidatePath } from 'next/cache';
import { formAction, type FormInput } from '@/lib/http';
import { addException, availabilityInput, deleteException, exceptionInput, replaceAvailability, scheduleOwnerFor } from '@/lib/schedule';

/** Each weekday's openings arrive as repeated start_<weekday> / end_<weekday> inputs. */
function weeklyHours(input: FormInput) {
  const rules: { weekday: number; start: string; end: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ends = input.all(`end_${weekday}`);
    input.all(`start_${weekday}`).forEach((start, i) => {
      const end = ends[i] ?? '';
      if (start || end) rules.push({ weekday, start, end });
    });
  }
  return { time_zone: input.text('time_zone'), rules };
}

/** PUT /api/v1/availability: the weekly set, replaced as a whole. */
export const saveWeeklyHoursAction = formAction({ access: ['provider'], schema: availabilityInput, body: weeklyHours }, async ({ user, body }) => {
  const owner = await scheduleOwnerFor(user, body.provider_id);
  await replaceAvailability(owner.id, body);
  revalidatePath('/provider/availability');
  return { ok: 'Weekly hours saved.' };
});

/** POST /api/v1/availability/exceptions: a day off, or other hours that day. */
export const addExceptionAction = formAction(
  {
    access: ['provider'],
    schema: exceptionInput,
    body: (input) => {
      const dayOff = input.text('kind') !== 'hours';
      return { date: input.text('date'), start: dayOff ? null : input.text('start'), end: dayOff ? null : input.text('end'), note: input.text('note') };
    },
  },
  async ({ user, body }) => {
    const owner = await scheduleOwnerFor(user, body.provider_id);
    await addException(owner.id, body);
    revalidatePath('/provider/availability');
    return { ok: 'Exception added.' };
  },
);

/** DELETE /api/v1/availability/exceptions/:id */
export const removeExceptionAction = formAction({ access: ['provider'] }, async ({ user, input }) => {
  await deleteException(input.text('id'), user.id);
  revalidatePath('/provider/availability');
  return { ok: 'Exception removed.' };
});
