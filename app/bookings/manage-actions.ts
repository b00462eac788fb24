'use server';

import { redirect } from 'next/navigation';
import { cancelBookingBody, rescheduleBody, rescheduleTarget, completeSession, markNoShow, startSession, rescheduleBooking } from '@/lib/bookings';
import { cancelBookingAndSettle } from '@/lib/flows';
import { formAction } from '@/lib/http';
import { revalidateBookingPages } from './revalidate';

/** POST /api/v1/bookings/:id/cancel {reason} (client, provider or admin); who may cancel what, and what is owed back, is lib/bookings' rule. */
export const cancelBookingAction = formAction(
  { access: 'user', schema: cancelBookingBody, body: (input) => ({ reason: input.text('reason') }) },
  async ({ user, body, input }) => {
    const { credit_returned } = await cancelBookingAndSettle(input.text('booking_id'), user, body.reason);
    revalidateBookingPages();
    if (!credit_returned) return { ok: 'Booking cancelled.' };
    const left = credit_returned.remaining_classes;
    return { ok: `Booking cancelled. The class went back to the credit, which now has ${left} ${left === 1 ? 'class' : 'classes'} left.` };
  },
);

const steps = new Map([
  ['start', { run: startSession, done: 'Session started.' }],
  ['complete', { run: completeSession, done: 'Session completed.' }],
  ['no_show', { run: markNoShow, done: 'Marked as a no-show.' }],
]);

/** POST /api/v1/bookings/:id/{start | complete | no-show} (the booking's provider, or an admin): the button pressed names the step. */
export const bookingStepAction = formAction({ access: ['provider', 'admin'] }, async ({ user, input }) => {
  const step = steps.get(input.text('step'));
  if (!step) return { error: 'Choose what to do with the booking.' };
  await step.run(input.text('booking_id'), user);
  revalidateBookingPages();
  return { ok: step.done };
});

/** POST /api/v1/bookings/:id/reschedule {class_id} | {starts_at}: the new booking, then its page. */
export const rescheduleBookingAction = formAction(
  {
    access: ['client', 'admin'],
    schema: rescheduleBody,
    body: (input) => (input.has('class_id') ? { class_id: input.text('class_id') } : { starts_at: input.text('starts_at') }),
    invalid: 'Choose the class or the time to move to.',
  },
  async ({ user, body, input }) => {
    const moved = await rescheduleBooking(input.text('booking_id'), user, rescheduleTarget(body));
    revalidateBookingPages();
    redirect(user.role === 'admin' ? `/admin/bookings/${moved.id}` : `/account/bookings/${moved.id}`);
  },
);
