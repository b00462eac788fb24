'use server';

import { revalidatePath } from 'next/cache';
import { revalidateBookingPages } from '@/app/bookings/revalidate';
import { cancelBody, editClassAndBookings } from '@/lib/bookings';
import { AppError } from '@/lib/errors';
import { cancelClassAndSettle } from '@/lib/flows';
import { formAction } from '@/lib/http';
import { classEditFormBody, classFormFieldNames, getClass, updateClassInput } from '@/lib/schedule';

function revalidateClassPages(classId: string): void {
  revalidatePath('/provider', 'layout');
  revalidatePath('/admin/classes');
  revalidatePath(`/schedule/classes/${classId}`);
  revalidateBookingPages();
}

/** PATCH /api/v1/classes/:id from "Edit class": the date and time are typed in the practitioner's zone. */
export const updateClassAction = formAction(
  {
    access: ['provider', 'admin'],
    schema: updateClassInput,
    body: async (input) => {
      const found = await getClass(input.text('class_id'));
      if (!found) throw new AppError('not_found', 'No such class.');
      return classEditFormBody(input, found.provider.time_zone);
    },
    fieldNames: classFormFieldNames,
  },
  async ({ user, body, input }) => {
    const id = input.text('class_id');
    await editClassAndBookings(id, body, user);
    revalidateClassPages(id);
    return { ok: 'Class saved. Clients booked into it have been told what changed.' };
  },
);

/** POST /api/v1/classes/:id/cancel {reason}: every booking cancelled, each paid one refunded in full or its credit use returned. */
export const cancelClassAction = formAction(
  { access: ['provider', 'admin'], schema: cancelBody, body: (input) => ({ reason: input.text('reason') }), invalid: 'Give a reason: the clients are told it.' },
  async ({ user, body, input }) => {
    const id = input.text('class_id');
    const { cancelled_bookings: cancelled, refunds, credits_returned: credits } = await cancelClassAndSettle(id, user, body.reason);
    revalidateClassPages(id);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    return { ok: `Class cancelled: ${plural(cancelled, 'booking', 'bookings')} cancelled, ${plural(refunds, 'card refund', 'card refunds')}, ${plural(credits, 'credit use', 'credit uses')} returned.` };
  },
);
