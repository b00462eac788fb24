import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeBookingsInClass,
  api,
  bookingOf,
  emulatorStripe,
  ledger,
  makeClass,
  makeClient,
  paymentRow,
  payOnHostedCheckout,
  setSetting,
  testSql,
  waitFor,
  type BookingBody,
} from './fixtures';

type Hosted = { mode: string; checkout_url: string; checkout_session_id: string; amount: { amount: number; currency: string } };

async function bookHosted(price: number) {
  const client = await makeClient();
  const classId = await makeClass({ capacity: 4, price });
  const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(booked.status).toBe(201);
  // With hosted Checkout no PaymentIntent is made up front.
  expect(booked.body.payment).toBeNull();
  const started = await api<Hosted>(`/api/v1/bookings/${booked.body.booking.id}/payment`, { method: 'POST', token: client.token });
  expect(started.status).toBe(200);
  return { client, classId, bookingId: booked.body.booking.id, hosted: started.body };
}

describe('hosted Stripe Checkout (checkout_mode = hosted)', () => {
  beforeAll(() => setSetting('checkout_mode', 'hosted'));
  afterAll(() => setSetting('checkout_mode', 'payment_element'));

  it('booking -> Checkout Session -> hosted page -> webhook -> confirmed', async () => {
    const { client, bookingId, hosted } = await bookHosted(1800);
    expect(hosted).toMatchObject({ mode: 'hosted', checkout_session_id: expect.stringMatching(/^cs_/), amount: { amount: 1800, currency: 'gbp' } });
    // Asking again gives the same session.
    const again = await api<Hosted>(`/api/v1/bookings/${bookingId}/payment`, { method: 'POST', token: client.token });
    expect(again.body.checkout_session_id).toBe(hosted.checkout_session_id);
    expect((await fetch(hosted.checkout_url)).status).toBe(200);

    const paid = await payOnHostedCheckout(hosted.checkout_url, hosted.checkout_session_id, '4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`/account/bookings/${bookingId}/paid?session_id=${hosted.checkout_session_id}`);

    const booking = await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed');
    expect(booking).toMatchObject({ status: 'confirmed', payment_status: 'paid' });
    const session = await emulatorStripe().checkout.sessions.retrieve(hosted.checkout_session_id);
    const pi = session.payment_intent as string;
    const row = await waitFor(() => paymentRow(pi), (r) => r?.status === 'succeeded');
    expect(row).toMatchObject({ status: 'succeeded', checkout_session_id: hosted.checkout_session_id, amount: 1800 });
    expect(await ledger(pi)).toHaveLength(1);
    expect(await testSql()`select id from payments where id = ${hosted.checkout_session_id}`).toHaveLength(0);
  });

  it('an expired session releases the hold', async () => {
    const { client, classId, bookingId, hosted } = await bookHosted(1500);
    expect(await activeBookingsInClass(classId)).toEqual({ active: 1, seatsTaken: 1 });
    await emulatorStripe().checkout.sessions.expire(hosted.checkout_session_id);
    const booking = await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'expired');
    expect(booking.status).toBe('expired');
    expect(await activeBookingsInClass(classId)).toEqual({ active: 0, seatsTaken: 0 });
    expect((await paymentRow(hosted.checkout_session_id))?.status).toBe('canceled');
  });
});
