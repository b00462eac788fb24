import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { bookingPayable } from '@/lib/bookings/payable';
import { api, futureHour, makeClass, makeClient, makeProvider, moveClock, testSql, tokenFor, type BookingBody, type ErrorBody } from './fixtures';

describe('POST /api/v1/bookings: who may book', () => {
  it('needs a questionnaire (422 questionnaire_required)', async () => {
    const client = await makeClient('none');
    const res = await api<ErrorBody>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5 }) }, token: client.token });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('questionnaire_required');
  });

  it('needs clearance after a medical "yes" (422 questionnaire_needs_clearance)', async () => {
    const client = await makeClient('flagged');
    const res = await api<ErrorBody>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5 }) }, token: client.token });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('questionnaire_needs_clearance');
  });

  it('refuses an expired questionnaire once the clock has moved 366 days', async () => {
    const client = await makeClient('valid');
    const classId = await makeClass({ capacity: 5, hoursAhead: 367 * 24 });
    // The bearer token must outlive the jump, or the answer would be a 401.
    await testSql()`update api_tokens set expires_at = now() + interval '400 days' where user_id = ${client.id}`;
    await moveClock(366 * 86_400_000);
    try {
      const res = await api<ErrorBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('questionnaire_required');
    } finally {
      await moveClock(0);
    }
    expect((await api('/api/v1/bookings', { json: { class_id: classId }, token: client.token })).status).toBe(201);
  });

  it('is for clients: a provider gets 403, nobody signed in 401', async () => {
    const provider = await makeProvider();
    const classId = await makeClass({ capacity: 5 });
    expect((await api('/api/v1/bookings', { json: { class_id: classId }, token: provider.token })).status).toBe(403);
    expect((await api('/api/v1/bookings', { json: { class_id: classId } })).status).toBe(401);
  });
});

describe('POST /api/v1/bookings: bad input', () => {
  it.each([
    ['an unknown class', () => ({ class_id: randomUUID() }), 404, 'not_found'],
    ['a malformed class id', () => ({ class_id: 'class-1' }), 400, 'validation_failed'],
    ['no target at all', () => ({}), 400, 'validation_failed'],
    ['a class and a slot at once', () => ({ class_id: randomUUID(), starts_at: new Date().toISOString() }), 400, 'validation_failed'],
    ['a slot without its provider', () => ({ session_type_id: randomUUID(), starts_at: futureHour(2).toISOString() }), 400, 'validation_failed'],
    ['a time without an offset', () => ({ session_type_id: randomUUID(), provider_id: randomUUID(), starts_at: '2030-01-01T10:00:00' }), 400, 'validation_failed'],
    ['an unknown field', () => ({ class_id: randomUUID(), seats: 2 }), 400, 'validation_failed'],
    ['an amount from the browser', () => ({ class_id: randomUUID(), amount: 1 }), 400, 'validation_failed'],
    ['pay_with something else', () => ({ class_id: randomUUID(), pay_with: 'cash' }), 400, 'validation_failed'],
    ['an unknown session type', () => ({ session_type_id: randomUUID(), provider_id: randomUUID(), starts_at: futureHour(2).toISOString() }), 404, 'not_found'],
  ])('answers %s with %i %s', async (_label, body, status, code) => {
    const client = await makeClient();
    const res = await api<ErrorBody>('/api/v1/bookings', { json: body(), token: client.token });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a class that has started (422 booking_closed) and a past or unoffered slot', async () => {
    const client = await makeClient();
    const started = await makeClass({ capacity: 5, hoursAhead: -1 });
    expect((await api<ErrorBody>('/api/v1/bookings', { json: { class_id: started }, token: client.token })).body.error.code).toBe('booking_closed');
    const provider = await makeProvider();
    const past = await api<ErrorBody>('/api/v1/bookings', {
      json: { session_type_id: provider.sessionTypeId, provider_id: provider.id, starts_at: new Date(Date.now() - 3_600_000).toISOString() },
      token: client.token,
    });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('booking_closed');
    const offGrid = await api<ErrorBody>('/api/v1/bookings', {
      json: { session_type_id: provider.sessionTypeId, provider_id: provider.id, starts_at: new Date(futureHour(2).getTime() + 7 * 60_000).toISOString() },
      token: client.token,
    });
    expect(offGrid.status).toBe(422);
    expect(offGrid.body.error.code).toBe('slot_unavailable');
  });

  it('says credits are unavailable when asked to pay with one', async () => {
    const client = await makeClient();
    const res = await api<ErrorBody>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5, price: 1000 }), pay_with: 'credit' }, token: client.token });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('credit_unavailable');
  });
});

describe('booking visibility', () => {
  it("hides another client's booking behind a 404 and lists only one's own", async () => {
    const [owner, other] = [await makeClient(), await makeClient()];
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5 }) }, token: owner.token });
    const peek = await api<ErrorBody>(`/api/v1/bookings/${booked.body.booking.id}`, { token: other.token });
    expect(peek.status).toBe(404);
    expect(peek.body.error.code).toBe('not_found');
    expect((await api(`/api/v1/bookings/${booked.body.booking.id}/cancel`, { json: { reason: 'x' }, token: other.token })).status).toBe(404);
    const list = await api<{ bookings: { id: string }[] }>('/api/v1/bookings', { token: other.token });
    expect(list.body.bookings.map((b) => b.id)).not.toContain(booked.body.booking.id);
    expect((await api('/api/v1/bookings/not-a-uuid', { token: owner.token })).status).toBe(404);
  });

  it('refuses bad list filters with 400', async () => {
    const client = await makeClient();
    expect((await api('/api/v1/bookings?status=lost', { token: client.token })).status).toBe(400);
    expect((await api('/api/v1/bookings?page=0', { token: client.token })).status).toBe(400);
    expect((await api('/api/v1/bookings?from=yesterday', { token: client.token })).status).toBe(400);
  });
});

describe('cancellation policy', () => {
  async function paidBooking(hoursAhead: number) {
    const client = await makeClient();
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5, price: 1500, hoursAhead }) }, token: client.token });
    expect(booked.body.booking.status).toBe('pending_payment');
    const paid = await getDb().transaction((tx) => bookingPayable.paymentSucceeded(tx, booked.body.booking.id, { paymentRef: `pi_test_${randomUUID()}`, amount: { amount: 1500, currency: 'gbp' }, recordedBy: null }));
    expect(paid).toBe(true);
    return { client, id: booked.body.booking.id };
  }

  it('a client cancelling 24 h or more ahead is owed everything back', async () => {
    const { client, id } = await paidBooking(48);
    const res = await api<BookingBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'Plans changed' }, token: client.token });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', refund_due: 'full', payment_status: 'paid' });
  });

  it('a client cancelling later is owed nothing', async () => {
    const { client, id } = await paidBooking(3);
    expect((await api<BookingBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'Late' }, token: client.token })).body.booking.refund_due).toBe('none');
  });

  it('a provider cancelling is always owed back in full, and the client is told', async () => {
    const { client, id } = await paidBooking(3);
    const maya = await tokenFor('maya@wellbook.test');
    const res = await api<BookingBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'Teacher ill' }, token: maya.token });
    expect(res.body.booking.refund_due).toBe('full');
    const notices = await api<{ notices: { kind: string }[] }>('/api/v1/notices', { token: client.token });
    expect(notices.body.notices.map((n) => n.kind)).toContain('booking_cancelled');
  });

  it('cannot cancel twice; the practitioner must give a reason, the client need not', async () => {
    const { client, id } = await paidBooking(48);
    const maya = await tokenFor('maya@wellbook.test');
    const unexplained = await api<ErrorBody>(`/api/v1/bookings/${id}/cancel`, { json: {}, token: maya.token });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.code).toBe('validation_failed');
    expect((await api<ErrorBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: '   ' }, token: maya.token })).status).toBe(400);
    const byClient = await api<BookingBody>(`/api/v1/bookings/${id}/cancel`, { json: {}, token: client.token });
    expect(byClient.status).toBe(200);
    expect(byClient.body.booking).toMatchObject({ status: 'cancelled', cancel_reason: null });
    const again = await api<ErrorBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'x' }, token: client.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
  });
});

describe('reschedule and session lifecycle', () => {
  it('moves a booking to another class once, keeping its payment', async () => {
    const client = await makeClient();
    const [from, to, third] = [await makeClass({ capacity: 3 }), await makeClass({ capacity: 3, hoursAhead: 96 }), await makeClass({ capacity: 3, hoursAhead: 120 })];
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: from }, token: client.token });
    const moved = await api<BookingBody>(`/api/v1/bookings/${booked.body.booking.id}/reschedule`, { json: { class_id: to }, token: client.token });
    expect(moved.status).toBe(201);
    expect(moved.body.booking).toMatchObject({ status: 'confirmed', rescheduled_from_id: booked.body.booking.id, payment_status: booked.body.booking.payment_status });
    expect((await api<BookingBody>(`/api/v1/bookings/${booked.body.booking.id}`, { token: client.token })).body.booking.status).toBe('cancelled');
    const again = await api<ErrorBody>(`/api/v1/bookings/${moved.body.booking.id}/reschedule`, { json: { class_id: third }, token: client.token });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('reschedule_not_allowed');
  });

  it('lets the provider start and complete a session, recording when; not the client', async () => {
    const provider = await makeProvider();
    const client = await makeClient();
    const startsAt = futureHour(1);
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { session_type_id: provider.sessionTypeId, provider_id: provider.id, starts_at: startsAt.toISOString() }, token: client.token });
    expect(booked.status).toBe(201);
    const id = booked.body.booking.id;
    expect((await api(`/api/v1/bookings/${id}/start`, { method: 'POST', token: client.token })).status).toBe(403);
    const early = await api<ErrorBody>(`/api/v1/bookings/${id}/start`, { method: 'POST', token: provider.token });
    expect(early.status).toBe(409);
    await moveClock(startsAt.getTime() - Date.now());
    try {
      const started = await api<{ booking: { status: string; actual_start_at: string } }>(`/api/v1/bookings/${id}/start`, { method: 'POST', token: provider.token });
      expect(started.body.booking.status).toBe('in_progress');
      expect(started.body.booking.actual_start_at).toEqual(expect.any(String));
      const done = await api<{ booking: { status: string; actual_end_at: string } }>(`/api/v1/bookings/${id}/complete`, { method: 'POST', token: provider.token, server: 1 });
      expect(done.body.booking.status).toBe('completed');
      expect(done.body.booking.actual_end_at).toEqual(expect.any(String));
      expect((await api<ErrorBody>(`/api/v1/bookings/${id}/no-show`, { method: 'POST', token: provider.token })).status).toBe(409);
    } finally {
      await moveClock(0);
    }
  });
});
