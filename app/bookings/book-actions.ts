'use server';

import { redirect } from 'next/navigation';
import type { BookingFormState } from '@/components/bookings/form-state';
import { bookClassSeat } from '@/lib/bookings/book-class';
import { bookSession } from '@/lib/bookings/book-session';
import { joinWaitlist, leaveWaitlist } from '@/lib/bookings/waitlist';
import { actionUser, failure, field, revalidateBookingPages, signedOut } from './action-helpers';

/** "Book this class": a seat for the signed-in client, then the new booking's page. */
export async function bookClassAction(_prev: BookingFormState, form: FormData): Promise<BookingFormState> {
  const client = await actionUser(['client']);
  if (!client) return signedOut;
  let bookingId: string;
  try {
    bookingId = await bookClassSeat(client.id, field(form, 'class_id'));
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
  let bookingId: string;
  try {
    bookingId = await bookSession({ clientId: client.id, providerId: field(form, 'provider_id'), sessionTypeId: field(form, 'session_type_id'), startsAt });
  } catch (err) {
    return failure(err);
  }
  revalidateBookingPages();
  redirect(`/account/bookings/${bookingId}`);
}
