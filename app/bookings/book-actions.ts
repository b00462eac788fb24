'use server';

import { redirect } from 'next/navigation';
import { createBookingBody, joinWaitlist, leaveWaitlist } from '@/lib/bookings';
import { bookAndPay } from '@/lib/flows';
import { formAction, type FormInput } from '@/lib/http';
import { useCreditBody, useCreditForBooking } from '@/lib/integration';
import { revalidateBookingPages } from './revalidate';

/**
 * POST /api/v1/bookings from a form: the same body and the same flow (a
 * credit pays inside the booking's transaction, confirmed at once; a card
 * payment is started for a booking awaiting one), then the booking's page.
 * The price comes from the server's records, never the form.
 */
function bookingAction(body: (input: FormInput) => unknown, invalid: string) {
  return formAction({ access: ['client'], schema: createBookingBody, body, invalid }, async ({ user, body }) => {
    const { booking } = await bookAndPay(user, body);
    revalidateBookingPages();
    redirect(`/account/bookings/${booking.id}`);
  });
}

/** The "pay_with" radio group; without it (no credit to offer) the API's default, card. */
const payWith = (input: FormInput) => input.optional('pay_with');

/** "Book this class". */
export const bookClassAction = bookingAction(
  (input) => ({ class_id: input.text('class_id'), pay_with: payWith(input) }),
  'Choose how to pay, with a credit or by card, and book again.',
);

/** "Confirm booking" of a 1:1 slot. */
export const bookSessionAction = bookingAction(
  (input) => ({ session_type_id: input.text('session_type_id'), provider_id: input.text('provider_id'), starts_at: input.text('starts_at'), pay_with: payWith(input) }),
  'That time is not valid. Go back and pick a free slot.',
);

/** POST /api/v1/classes/:id/waitlist */
export const joinWaitlistAction = formAction({ access: ['client'] }, async ({ user, input }) => {
  const { position } = await joinWaitlist(user.id, input.id('class_id', 'No such class.'));
  revalidateBookingPages();
  return { ok: `You are on the waitlist, number ${position} in the queue. If a seat opens, it is yours and we will let you know.`, data: { position } };
});

/** DELETE /api/v1/classes/:id/waitlist */
export const leaveWaitlistAction = formAction({ access: ['client'] }, async ({ user, input }) => {
  await leaveWaitlist(user.id, input.id('class_id', 'No such class.'));
  revalidateBookingPages();
  return { ok: 'You have left the waitlist.' };
});

/**
 * "Use a credit instead" on the pay page (POST /api/v1/credits/use): one use
 * pays the client's own booking at once; its card payment, if started, is cancelled.
 */
export const payBookingWithCreditAction = formAction(
  { access: ['client'], schema: useCreditBody, body: (input) => ({ booking_id: input.text('booking_id') }), invalid: 'No such booking.' },
  async ({ user, body }) => {
    const { booking_id } = await useCreditForBooking({ user, apiKey: null }, { bookingId: body.booking_id, creditId: body.credit_id });
    revalidateBookingPages();
    redirect(`/account/bookings/${booking_id}`);
  },
);
