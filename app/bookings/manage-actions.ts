'use server';

import { redirect } from 'next/navigation';
import type { BookingFormState } from '@/components/bookings/form-state';
import { completeSession, markNoShow, startSession } from '@/lib/bookings/lifecycle';
import { rescheduleBooking } from '@/lib/bookings/reschedule';
import { cancelBookingAndSettle } from '@/lib/flows/cancel-booking';
import { actionUser, failure, field, revalidateBookingPages, signedOut } from './action-helpers';

const MAX_REASON = 500;

/** Cancel with a reason (client, provider or admin); who may cancel what, and what is owed back, is lib/bookings' rule. */
export async function cancelBookingAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const user = await actionUser(['client', 'provider', 'admin']);
  if (!user) return signedOut;
  const reason = field(form, 'reason');
  if (!reason) return { error: 'Give a reason for cancelling.', fields: { reason: ['Give a reason.'] } };
  if (reason.length > MAX_REASON) return { error: `The reason can be at most ${MAX_REASON} characters.`, fields: { reason: [`At most ${MAX_REASON} characters.`] } };
  let creditReturned: { remaining_classes: number } | null;
  try {
    creditReturned = (await cancelBookingAndSettle(field(form, 'booking_id'), user, reason)).credit_returned;
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  if (!creditReturned) return { ok: 'Booking cancelled.' };
  const left = creditReturned.remaining_classes;
  return { ok: `Booking cancelled. The class went back to the credit, which now has ${left} ${left === 1 ? 'class' : 'classes'} left.` };
}

/** Start, complete or mark a no-show (provider of the booking, or an admin). The button pressed names the step. */
export async function bookingStepAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const user = await actionUser(['provider', 'admin']);
  if (!user) return signedOut;
  const id = field(form, 'booking_id');
  const step = field(form, 'step');
  try {
    if (step === 'start') await startSession(id, user);
    else if (step === 'complete') await completeSession(id, user);
    else if (step === 'no_show') await markNoShow(id, user);
    else return { error: 'Choose what to do with the booking.' };
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  const done = { start: 'Session started.', complete: 'Session completed.', no_show: 'Marked as a no-show.' } as const;
  return { ok: done[step] };
}

/** Moves a confirmed booking to another class or slot, then shows the new booking. */
export async function rescheduleBookingAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const user = await actionUser(['client', 'admin']);
  if (!user) return signedOut;
  const classId = field(form, 'class_id');
  const start = field(form, 'starts_at');
  let target: { classId: string } | { startsAt: Date };
  if (form.has('class_id')) {
    if (!classId) return { error: 'Choose the class to move to.', fields: { class_id: ['Choose a class.'] } };
    target = { classId };
  } else {
    const startsAt = new Date(start);
    if (!start || Number.isNaN(startsAt.getTime())) return { error: 'Choose the new time.', fields: { starts_at: ['Choose a time.'] } };
    target = { startsAt };
  }
  let newId: string;
  try {
    newId = (await rescheduleBooking(field(form, 'booking_id'), user, target)).id;
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  redirect(user.role === 'admin' ? `/admin/bookings/${newId}` : `/account/bookings/${newId}`);
}
