import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  bookWithCredit,
  bookingOf,
  entriesOf,
  expectErrorShape,
  grantCredit,
  insertProvider,
  makeClass,
  makeClient,
  payAndConfirm,
  paymentRow,
  remainingOf,
  testSql,
  waitFor,
  type BookingBody,
  type ErrorBody,
  type Payment,
  type TestUser,
} from './fixtures';

/**
 * A practitioner's own classes through PATCH /api/v1/classes/:id and
 * POST /api/v1/classes/:id/cancel (issue 13, provider tools): what may change
 * and when, who may touch a class, and a cancellation paying everyone back once.
 */

interface ClassOut {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  seats_taken: number;
  price: { amount: number; currency: string };
  location: string | null;
}
type ClassBody = { class: ClassOut };
type Cancelled = { cancelled_bookings: number; refunds: number; credits_returned: number };

let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  owner = await insertProvider({ timeZone: 'Europe/London' });
  other = await insertProvider({ timeZone: 'Europe/London' });
});

const patch = (id: string, json: Record<string, unknown>, token = owner.token) => api<ClassBody & ErrorBody>(`/api/v1/classes/${id}`, { method: 'PATCH', json, token });
const cancel = (id: string, token = owner.token) => api<Cancelled & ErrorBody>(`/api/v1/classes/${id}/cancel`, { json: { reason: 'Studio flooded' }, token });
const ownClass = (options: { capacity?: number; price?: number; hoursAhead?: number } = {}) => makeClass({ capacity: options.capacity ?? 5, price: options.price ?? 0, hoursAhead: options.hoursAhead, providerId: owner.id, title: 'Own class' });

async function bookFree(classId: string): Promise<{ client: TestUser; bookingId: string }> {
  const client = await makeClient();
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(res.status).toBe(201);
  return { client, bookingId: res.body.booking.id };
}

async function bookAndPay(classId: string): Promise<{ client: TestUser; bookingId: string; payment: Payment }> {
  const client = await makeClient();
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(res.status).toBe(201);
  const payment = res.body.payment as Payment;
  await payAndConfirm(res.body.booking.id, payment, client.token);
  return { client, bookingId: res.body.booking.id, payment };
}

describe('PATCH /api/v1/classes/:id', () => {
  it('changes title, time, capacity and place; the bookings move with it and their clients are told', async () => {
    const classId = await ownClass();
    const { client, bookingId } = await bookFree(classId);
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    startsAt.setUTCSeconds(0, 0);
    const res = await patch(classId, { title: 'Evening flow', starts_at: startsAt.toISOString(), duration_minutes: 90, capacity: 8, location: 'Studio C' });
    expect(res.status).toBe(200);
    expect(res.body.class).toMatchObject({ title: 'Evening flow', starts_at: startsAt.toISOString(), capacity: 8, location: 'Studio C', seats_taken: 1 });
    const [moved] = await testSql()`select starts_at, ends_at from bookings where id = ${bookingId}`;
    expect((moved?.starts_at as Date).toISOString()).toBe(startsAt.toISOString());
    expect((moved?.ends_at as Date).getTime() - startsAt.getTime()).toBe(90 * 60_000);
    const notices = await testSql()`select message from notices where user_id = ${client.id} and kind = 'class_changed'`;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('Studio C');
  });

  it('is the owner’s or an admin’s: another provider gets 404, a client 403, an unknown id 404', async () => {
    const classId = await ownClass();
    const client = await makeClient();
    expect((await patch(classId, { title: 'Mine now' }, other.token)).status).toBe(404);
    expect((await cancel(classId, other.token)).status).toBe(404);
    expect((await api(`/api/v1/classes/${classId}/complete`, { json: {}, token: other.token })).status).toBe(404);
    expect((await patch(classId, { title: 'Mine now' }, client.token)).status).toBe(403);
    expect((await cancel(classId, client.token)).status).toBe(403);
    expect((await patch('00000000-0000-4000-8000-000000000000', { title: 'Nobody’s' })).status).toBe(404);
    const [row] = await testSql()`select title, cancelled_at from classes where id = ${classId}`;
    expect(row).toMatchObject({ title: 'Own class', cancelled_at: null });
  });

  it('never lowers the capacity below the seats booked (409 on capacity); down to exactly them is fine', async () => {
    const classId = await ownClass({ capacity: 5 });
    await bookFree(classId);
    await bookFree(classId);
    const below = await patch(classId, { capacity: 1 });
    expect(below.status).toBe(409);
    expect(expectErrorShape(below.body).error.fields?.capacity?.[0]).toMatch(/2 seats are booked/);
    const [row] = await testSql()`select capacity from classes where id = ${classId}`;
    expect(row?.capacity).toBe(5);
    const exact = await patch(classId, { capacity: 2 });
    expect(exact.status).toBe(200);
    expect(exact.body.class).toMatchObject({ capacity: 2, seats_taken: 2 });
  });

  it('changes the price only while no one has paid', async () => {
    const free = await ownClass({ price: 0 });
    await bookFree(free);
    expect((await patch(free, { price: { amount: 900, currency: 'gbp' } })).body.class.price).toEqual({ amount: 900, currency: 'gbp' });

    const paid = await ownClass({ price: 1500 });
    await bookAndPay(paid);
    const refused = await patch(paid, { price: { amount: 1000, currency: 'gbp' } });
    expect(refused.status).toBe(409);
    expect(expectErrorShape(refused.body).error.fields?.price).toBeDefined();
    // The same price again is no change, and the other fields still save.
    expect((await patch(paid, { price: { amount: 1500, currency: 'gbp' }, title: 'Same price' })).status).toBe(200);

    const byCredit = await ownClass({ price: 1500 });
    const client = await makeClient();
    await grantCredit(client.id, { uses: 1 });
    expect((await bookWithCredit(client.token, { class_id: byCredit })).status).toBe(201);
    expect((await patch(byCredit, { price: { amount: 500, currency: 'gbp' } })).status).toBe(409);
  });

  it('refuses bad input (400) and a class that is cancelled or has started (409)', async () => {
    const classId = await ownClass();
    expect((await patch(classId, {})).status).toBe(400);
    expect((await patch(classId, { capacity: 0 })).status).toBe(400);
    const past = await patch(classId, { starts_at: new Date(Date.now() - 3_600_000).toISOString() });
    expect(past.status).toBe(400);
    expect(expectErrorShape(past.body).error.fields?.starts_at).toBeDefined();
    expect((await patch(classId, { location: null })).status).toBe(400);

    const started = await ownClass({ hoursAhead: -0.5 });
    expect((await patch(started, { title: 'Too late' })).status).toBe(409);
    expect((await cancel(classId)).status).toBe(200);
    expect((await patch(classId, { title: 'Gone' })).status).toBe(409);
  });
});

describe('POST /api/v1/classes/:id/cancel by its provider', () => {
  it('cancels every booking, refunds each card payment once in full and returns each credit use', async () => {
    const classId = await ownClass({ price: 2000, capacity: 5 });
    const card = await bookAndPay(classId);
    const creditClient = await makeClient();
    const credit = await grantCredit(creditClient.id, { uses: 1 });
    const byCredit = await bookWithCredit(creditClient.token, { class_id: classId });
    expect(byCredit.status).toBe(201);
    expect(await remainingOf(credit.id)).toBe(0);

    const res = await cancel(classId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cancelled_bookings: 2, refunds: 1, credits_returned: 1 });
    const refunded = await waitFor(() => paymentRow(card.payment.payment_intent_id), (p) => p?.refunded_amount === 2000);
    expect(refunded?.refunded_amount).toBe(2000);
    expect(await remainingOf(credit.id)).toBe(1);
    expect((await entriesOf(credit.id)).filter((e) => e.kind === 'return')).toHaveLength(1);
    expect(await bookingOf(card.bookingId, card.client.token)).toMatchObject({ status: 'cancelled', refund_due: 'full' });

    // Again: a 409, and nothing is paid back twice.
    expect((await cancel(classId)).status).toBe(409);
    const refunds = await testSql()`select amount from refunds where payment_id = ${card.payment.payment_intent_id}`;
    expect(refunds).toHaveLength(1);
    expect(await remainingOf(credit.id)).toBe(1);
    expect((await entriesOf(credit.id)).filter((e) => e.kind === 'return')).toHaveLength(1);
  });
});
