import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './api';
import { activeBookingsInClass, makeClass, makeClients, setSetting } from './booking-fixtures';
import { testSql } from './db';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('holds and the waitlist', () => {
  // Holds of three seconds, so the worker's job fires during the test.
  beforeAll(() => setSetting('hold_minutes', 0.05));
  afterAll(() => setSetting('hold_minutes', 15));

  it('an unpaid hold is expired by the worker, its seat freed, and the waitlist promotes the next client', async () => {
    const classId = await makeClass({ capacity: 1, price: 1200 });
    const [holder, waiter, late] = await makeClients(3);
    const held = await api<{ booking: { id: string; status: string; hold_expires_at: string; amount_due: { amount: number } } }>('/api/v1/bookings', {
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

    const expired = await waitFor(async () => {
      const res = await api<{ booking: { status: string } }>(`/api/v1/bookings/${held.body.booking.id}`, { token: holder?.token });
      return res.body.booking.status === 'expired' ? res.body.booking : undefined;
    }, 20_000);
    expect(expired.status).toBe('expired');

    // The first waiting client now holds the seat, and is told so on their pages.
    const promoted = await api<{ bookings: { class: { id: string } | null; status: string }[] }>('/api/v1/bookings', { token: waiter?.token });
    expect(promoted.body.bookings.filter((b) => b.class?.id === classId)).toEqual([expect.objectContaining({ status: 'pending_payment' })]);
    const notices = await api<{ notices: { kind: string }[] }>('/api/v1/notices', { token: waiter?.token });
    expect(notices.body.notices.map((n) => n.kind)).toContain('waitlist_promoted');
    expect(await activeBookingsInClass(classId)).toEqual({ active: 1, seatsTaken: 1 });

    // That hold runs out too, and the next in line gets it.
    await waitFor(async () => {
      const res = await api<{ bookings: { class: { id: string } | null; status: string }[] }>('/api/v1/bookings', { token: late?.token });
      return res.body.bookings.some((b) => b.class?.id === classId && b.status === 'pending_payment') ? true : undefined;
    }, 20_000);
  });

  it('a free class promotes straight to a confirmed seat when a booking is cancelled', async () => {
    const classId = await makeClass({ capacity: 1 });
    const [first, second] = await makeClients(2);
    const booked = await api<{ booking: { id: string; status: string } }>('/api/v1/bookings', { json: { class_id: classId }, token: first?.token });
    expect(booked.body.booking.status).toBe('confirmed');
    expect((await api(`/api/v1/classes/${classId}/waitlist`, { method: 'POST', token: second?.token })).status).toBe(201);
    const cancelled = await api(`/api/v1/bookings/${booked.body.booking.id}/cancel`, { json: { reason: 'Cannot make it' }, token: first?.token });
    expect(cancelled.status).toBe(200);
    const mine = await api<{ bookings: { class: { id: string } | null; status: string }[] }>('/api/v1/bookings', { token: second?.token });
    expect(mine.body.bookings.find((b) => b.class?.id === classId)?.status).toBe('confirmed');
    const [entry] = await testSql()`select status from waitlist_entries where class_id = ${classId}`;
    expect(entry?.status).toBe('promoted');
  });
});
