import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBookingsInClass, api, bookingOf, makeClass, makeClients, setSetting, testSql, waitFor, type Booking, type BookingBody } from './fixtures';

type MyBookings = { bookings: (Booking & { class: { id: string } | null })[] };

describe('holds and the waitlist', () => {
  // Holds of three seconds, so the worker's job fires during the test.
  beforeAll(() => setSetting('hold_minutes', 0.05));
  afterAll(() => setSetting('hold_minutes', 15));

  it('an unpaid hold is expired by the worker, its seat freed, and the waitlist promotes the next client', async () => {
    const classId = await makeClass({ capacity: 1, price: 1200 });
    const [holder, waiter, late] = await makeClients(3);
    const held = await api<BookingBody & { booking: { hold_expires_at: string; amount_due: { amount: number } } }>('/api/v1/bookings', {
      json: { class_id: classId },
      token: holder?.token,
    });
    expect(held.status).toBe(201);
    expect(held.body.booking).toMatchObject({ status: 'pending_payment', amount_due: { amount: 1200 } });
    expect(new Date(held.body.booking.hold_expires_at).getTime()).toBeGreaterThan(Date.now());

    const full = await api('/api/v1/bookings', { json: { class_id: classId }, token: waiter?.token });
    expect(full.status).toBe(409);
    const joined = await api<{ position: number }>(`/api/v1/classes/${classId}/waitlist`, { method: 'POST', token: waiter?.token });
    expect(joined.status).toBe(201);
    expect(joined.body.position).toBe(1);
    expect((await api<{ position: number }>(`/api/v1/classes/${classId}/waitlist`, { method: 'POST', token: late?.token })).body.position).toBe(2);

    const expired = await waitFor(() => bookingOf(held.body.booking.id, holder?.token ?? ''), (b) => b.status === 'expired', 20_000);
    expect(expired.status).toBe('expired');

    // The first waiting client now holds the seat, and is told so on their pages.
    const promoted = await api<MyBookings>('/api/v1/bookings', { token: waiter?.token });
    expect(promoted.body.bookings.filter((b) => b.class?.id === classId)).toEqual([expect.objectContaining({ status: 'pending_payment' })]);
    const notices = await api<{ notices: { kind: string }[] }>('/api/v1/notices', { token: waiter?.token });
    expect(notices.body.notices.map((n) => n.kind)).toContain('waitlist_promoted');
    expect(await activeBookingsInClass(classId)).toEqual({ active: 1, seatsTaken: 1 });

    // That hold runs out too, and the next in line gets it.
    const next = await waitFor(
      async () => (await api<MyBookings>('/api/v1/bookings', { token: late?.token })).body.bookings.filter((b) => b.class?.id === classId),
      (mine) => mine.some((b) => b.status === 'pending_payment'),
      20_000,
    );
    expect(next).toEqual([expect.objectContaining({ status: 'pending_payment' })]);
  });

  it('a free class promotes straight to a confirmed seat when a booking is cancelled', async () => {
    const classId = await makeClass({ capacity: 1 });
    const [first, second] = await makeClients(2);
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: first?.token });
    expect(booked.body.booking.status).toBe('confirmed');
    expect((await api(`/api/v1/classes/${classId}/waitlist`, { method: 'POST', token: second?.token })).status).toBe(201);
    const cancelled = await api(`/api/v1/bookings/${booked.body.booking.id}/cancel`, { json: { reason: 'Cannot make it' }, token: first?.token });
    expect(cancelled.status).toBe(200);
    const mine = await api<MyBookings>('/api/v1/bookings', { token: second?.token });
    expect(mine.body.bookings.find((b) => b.class?.id === classId)?.status).toBe('confirmed');
    const [entry] = await testSql()`select status from waitlist_entries where class_id = ${classId}`;
    expect(entry?.status).toBe('promoted');
  });
});
