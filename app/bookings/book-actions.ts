'use server';

import { redirect } from 'next/navigation';
import type { BookingFormState } from '@/components/bookings/form-state';
import { bookClassSeat } from '@/lib/bookings/book-class';
import { bookSession } from '@/lib/bookings/book-session';
import type { PayInTransaction } from '@/lib/bookings/pay-in-tx';
import { findBookingRow } from '@/lib/bookings/queries';
import { joinWaitlist, leaveWaitlist } from '@/lib/bookings/waitlist';
import { userActor } from '@/lib/credits/ledger';
import { payWithCredit } from '@/lib/credits/pay-booking';
import { payBookingWithCredit } from '@/lib/flows/credits';
import type { PublicUser } from '@/lib/users/public-user';
import { actionUser, failure, field, revalidateBookingPages, signedOut } from './action-helpers';

const BAD_PAY_WITH: BookingFormState = { error: 'Choose how to pay: with a credit or by card.', code: 'validation_failed', fields: { pay_with: ['Choose a credit or card.'] } };

/**
 * The form's "pay_with" choice: a credit pays inside the booking's
 * transaction (confirmed at once, or 422 credit_unavailable and nothing
 * booked); card (or no choice offered) leaves the booking awaiting payment.
 * Null for anything else.
 */
function payChoice(form: FormData, client: PublicUser): { payWith: PayInTransaction | undefined } | null {
  const choice = field(form, 'pay_with');
  if (choice === '' || choice === 'card') return { payWith: undefined };
  if (choice === 'credit') return { payWith: payWithCredit(userActor(client.id)) };
  return null;
}

/** "Book this class": a seat for the signed-in client (paid with a credit if chosen), then the new booking's page. */
export async function bookClassAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  const pay = payChoice(form, client);
  if (!pay) return BAD_PAY_WITH;
  let bookingId: string;
  try {
    bookingId = await bookClassSeat(client.id, field(form, 'class_id'), pay.payWith);
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  redirect(`/account/bookings/${bookingId}`);
}

export async function joinWaitlistAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  try {
    const { position } = await joinWaitlist(client.id, field(form, 'class_id'));
    revalidateBookingPages();
    return { ok: `You are on the waitlist, number ${position} in the queue. If a seat opens, it is yours and we will let you know.`, position };
  } catch (err) {
    return failure(err);
  }
}

export async function leaveWaitlistAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  try {
    await leaveWaitlist(client.id, field(form, 'class_id'));
    revalidateBookingPages();
    return { ok: 'You have left the waitlist.' };
  } catch (err) {
    return failure(err);
  }
}

/** "Confirm booking" of a 1:1 slot; the price comes from the session type on the server, never the form. */
export async function bookSessionAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  const startsAt = new Date(field(form, 'starts_at'));
  if (Number.isNaN(startsAt.getTime())) return { error: 'That time is not valid. Go back and pick a free slot.', code: 'validation_failed' };
  const pay = payChoice(form, client);
  if (!pay) return BAD_PAY_WITH;
  let bookingId: string;
  try {
    bookingId = await bookSession({ clientId: client.id, providerId: field(form, 'provider_id'), sessionTypeId: field(form, 'session_type_id'), startsAt }, pay.payWith);
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  redirect(`/account/bookings/${bookingId}`);
}

/** "Use a credit instead" on the pay page of the client's own booking awaiting card payment; the card payment, if started, is cancelled. */
export async function payBookingWithCreditAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  const row = await findBookingRow(field(form, 'booking_id'), client);
  if (!row) return { error: 'No such booking.', code: 'not_found' };
  try {
    await payBookingWithCredit(row.booking, userActor(client.id));
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  redirect(`/account/bookings/${row.booking.id}`);
}
