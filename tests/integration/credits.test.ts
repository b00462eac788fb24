import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  activeBookingsInClass,
  adminUser,
  api,
  bookingOf,
  bookWithCredit,
  entriesOf,
  expectLedgerConsistent,
  futureHour,
  grantCredit,
  makeClass,
  makeClient,
  makePackage,
  makeProvider,
  payAndConfirm,
  paymentRow,
  paymentsOf,
  remainingOf,
  testSql,
  tokenFor,
  waitFor,
  type BookingBody,
  type CreditBody,
  type EntryBody,
  type ErrorBody,
  type Payment,
} from './fixtures';

type CreditsBody = { client_id: string; total_credits: number; credits: CreditBody[] };
type Adjusted = { credit: CreditBody; entry: EntryBody };
type Cancelled = BookingBody & { refund: unknown; credit_returned: { credit_id: string; remaining_classes: number } | null };

describe('booking with a credit', () => {
  it('confirms at once, takes one use, and starts no card payment', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const classId = await makeClass({ capacity: 5, price: 1500 });

    const res = await bookWithCredit(client.token, { class_id: classId });
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'confirmed', payment_status: 'credit_used', payment_type: 'credit' });
    expect(res.body.payment).toBeNull();
    expect(await paymentsOf(res.body.booking.id)).toBe(0);
    expect(await activeBookingsInClass(classId)).toEqual({ active: 1, seatsTaken: 1 });
    expect(await remainingOf(credit.id)).toBe(1);
    const use = (await entriesOf(credit.id)).find((e) => e.kind === 'use');
    expect(use).toMatchObject({ delta: -1, booking_id: res.body.booking.id, actor_id: client.id });
  });

  it('a free class asked for with a credit is booked free and takes no use', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const classId = await makeClass({ capacity: 5, price: 0 });

    const res = await bookWithCredit(client.token, { class_id: classId });
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'confirmed', payment_status: 'unpaid', payment_type: null });
    expect(await remainingOf(credit.id)).toBe(2);
    expect((await entriesOf(credit.id)).filter((e) => e.kind === 'use')).toEqual([]);
  });

  it('without a credit: 422 credit_unavailable, no booking and no seat taken', async () => {
    const client = await makeClient();
    const classId = await makeClass({ capacity: 5, price: 1500, seatsTaken: 2 });
    const res = await bookWithCredit(client.token, { class_id: classId });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('credit_unavailable');
    expect(await activeBookingsInClass(classId)).toEqual({ active: 0, seatsTaken: 2 });
    const [row] = await testSql()`select count(*)::int as n from bookings where client_id = ${client.id}`;
    expect(row?.n).toBe(0);
  });

  it("a credit of a package limited to selected classes pays only for those and their series' classes", async () => {
    const client = await makeClient();
    const seriesId = randomUUID();
    const listed = await makeClass({ capacity: 5, price: 1500 });
    const inSeries = await makeClass({ capacity: 5, price: 1500, hoursAhead: 96 });
    const other = await makeClass({ capacity: 5, price: 1500 });
    await testSql()`update classes set series_id = ${seriesId} where id = ${inSeries}`;
    const { id: packageId } = await makePackage({ scope: 'selected', classIds: [listed, seriesId] });
    const credit = await grantCredit(client.id, { uses: 5, packageId });
    expect(credit.scope).toEqual({ classes: 'selected', class_ids: [listed, seriesId], session_type_ids: [] });

    const refused = await bookWithCredit(client.token, { class_id: other });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('credit_unavailable');
    expect(await activeBookingsInClass(other)).toEqual({ active: 0, seatsTaken: 0 });

    expect((await bookWithCredit(client.token, { class_id: inSeries })).status).toBe(201);
    expect((await bookWithCredit(client.token, { class_id: listed })).status).toBe(201);
    expect(await remainingOf(credit.id)).toBe(3);
    await expectLedgerConsistent(client.id);
  });

  it('a credit covering a session type pays a 1:1 booking of it, but no class', async () => {
    const provider = await makeProvider({ price: 4000 });
    const client = await makeClient();
    const { id: packageId } = await makePackage({ scope: 'none', sessionTypeIds: [provider.sessionTypeId] });
    const credit = await grantCredit(client.id, { uses: 1, packageId });

    const classRes = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500 }) });
    expect(classRes.status).toBe(422);
    expect(classRes.body.error.code).toBe('credit_unavailable');

    const res = await bookWithCredit(client.token, { session_type_id: provider.sessionTypeId, provider_id: provider.id, starts_at: futureHour(3).toISOString() });
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ status: 'confirmed', payment_status: 'credit_used', payment_type: 'credit' });
    expect(res.body.payment).toBeNull();
    expect(await paymentsOf(res.body.booking.id)).toBe(0);
    expect(await remainingOf(credit.id)).toBe(0);
  });
});

describe('cancelling a booking paid with a credit', () => {
  it('in time: the use goes back to the credit it came from, once', async () => {
    const client = await makeClient();
    // Two credits: the booking takes the sooner one; the later one must be left alone.
    const sooner = await grantCredit(client.id, { uses: 1, validityDays: 10 });
    const later = await grantCredit(client.id, { uses: 1, validityDays: 60 });
    const booked = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500, hoursAhead: 72 }) });
    expect(booked.status).toBe(201);
    const id = booked.body.booking.id;
    expect(await remainingOf(sooner.id)).toBe(0);

    const res = await api<Cancelled>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'Plans changed' }, token: client.token });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', refund_due: 'full' });
    expect(res.body.credit_returned).toEqual({ credit_id: sooner.id, remaining_classes: 1 });
    expect(res.body.refund).toBeNull();
    expect(await remainingOf(sooner.id)).toBe(1);
    expect(await remainingOf(later.id)).toBe(1);
    const back = (await entriesOf(sooner.id)).filter((e) => e.kind === 'return');
    expect(back).toEqual([expect.objectContaining({ delta: 1, booking_id: id, actor_id: client.id })]);

    // A second cancel is refused and returns nothing more.
    const again = await api<ErrorBody>(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'Again' }, token: client.token, server: 1 });
    expect(again.status).toBe(409);
    expect(await remainingOf(sooner.id)).toBe(1);
    expect((await entriesOf(sooner.id)).filter((e) => e.kind === 'return')).toHaveLength(1);
    await expectLedgerConsistent(client.id);
  });

  it('the same booking cancelled twice at once returns its use once', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 1 });
    const booked = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500 }) });
    const id = booked.body.booking.id;
    const results = await Promise.all([0, 1, 0, 1].map((server) => api(`/api/v1/bookings/${id}/cancel`, { json: { reason: 'x' }, token: client.token, server })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    expect(await remainingOf(credit.id)).toBe(1);
    await expectLedgerConsistent(client.id);
  });

  it('late (class in 2 h): nothing comes back', async () => {
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const booked = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500, hoursAhead: 2 }) });
    expect(booked.status).toBe(201);
    const res = await api<Cancelled>(`/api/v1/bookings/${booked.body.booking.id}/cancel`, { json: { reason: 'Too late' }, token: client.token });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', refund_due: 'none' });
    expect(res.body.credit_returned).toBeNull();
    expect(await remainingOf(credit.id)).toBe(1);
    expect((await entriesOf(credit.id)).map((e) => e.kind)).toEqual(['grant', 'use']);
  });

  it('by the provider or an admin, even late: the use comes back', async () => {
    const maya = await tokenFor('maya@wellbook.test');
    const admin = await adminUser();
    for (const who of [maya, admin]) {
      const client = await makeClient();
      const credit = await grantCredit(client.id, { uses: 1 });
      const booked = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500, hoursAhead: 2 }) });
      const res = await api<Cancelled>(`/api/v1/bookings/${booked.body.booking.id}/cancel`, { json: { reason: 'Studio closed' }, token: who.token });
      expect(res.status).toBe(200);
      expect(res.body.credit_returned).toEqual({ credit_id: credit.id, remaining_classes: 1 });
      expect(await remainingOf(credit.id)).toBe(1);
      expect((await entriesOf(credit.id)).find((e) => e.kind === 'return')).toMatchObject({ actor_id: who.id, booking_id: booked.body.booking.id });
    }
  });

  it('cancelling the whole class returns its credit uses and refunds its card payments', async () => {
    const admin = await adminUser();
    const classId = await makeClass({ capacity: 5, price: 2000 });
    const creditClient = await makeClient();
    const credit = await grantCredit(creditClient.id, { uses: 1 });
    const byCredit = await bookWithCredit(creditClient.token, { class_id: classId });
    expect(byCredit.status).toBe(201);
    const cardClient = await makeClient();
    const byCard = await api<BookingBody & { payment: Payment }>('/api/v1/bookings', { json: { class_id: classId }, token: cardClient.token });
    expect(byCard.status).toBe(201);
    await payAndConfirm(byCard.body.booking.id, byCard.body.payment, cardClient.token);

    const res = await api<{ cancelled_bookings: number; refunds: number; credits_returned: number }>(`/api/v1/classes/${classId}/cancel`, {
      json: { reason: 'Teacher ill' },
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cancelled_bookings: 2, refunds: 1, credits_returned: 1 });
    expect(await remainingOf(credit.id)).toBe(1);
    expect((await entriesOf(credit.id)).find((e) => e.kind === 'return')).toMatchObject({ booking_id: byCredit.body.booking.id });
    expect(await paymentsOf(byCredit.body.booking.id)).toBe(0);
    const refunded = await waitFor(() => paymentRow(byCard.body.payment.payment_intent_id), (p) => p?.refunded_amount === 2000);
    expect(refunded?.refunded_amount).toBe(2000);
    expect((await bookingOf(byCard.body.booking.id, cardClient.token)).status).toBe('cancelled');
    await expectLedgerConsistent(creditClient.id);
  });
});

describe('admin: grant and adjust', () => {
  it('grants a complimentary credit (201) with a grant entry by the admin', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const res = await api<{ credit: CreditBody }>(`/api/v1/clients/${client.id}/credits`, {
      json: { uses: 3, validity_days: 30, reason: 'Sorry for the noise' },
      token: admin.token,
    });
    expect(res.status).toBe(201);
    expect(res.body.credit).toMatchObject({ client_id: client.id, package_name: 'Complimentary credit', total_classes: 3, remaining_classes: 3, is_valid: true, state: 'active' });
    const expiresIn = new Date(res.body.credit.expires_at).getTime() - Date.now();
    expect(Math.abs(expiresIn - 30 * 86_400_000)).toBeLessThan(120_000);
    const detail = await api<{ credit: CreditBody; history: EntryBody[] }>(`/api/v1/credits/${res.body.credit.id}`, { token: client.token });
    expect(detail.status).toBe(200);
    expect(detail.body.history).toEqual([
      expect.objectContaining({ kind: 'grant', delta: 3, reason: 'Sorry for the noise', actor: { type: 'user', id: admin.id, name: expect.any(String) } }),
    ]);
  });

  it('copies name and scope from a package; refuses bad input, unknown clients and non-admins', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const classId = await makeClass({ capacity: 5 });
    const { id: packageId } = await makePackage({ scope: 'selected', classIds: [classId] });
    const [pkg] = await testSql()`select name from class_packages where id = ${packageId}`;
    const granted = await grantCredit(client.id, { uses: 2, packageId });
    expect(granted).toMatchObject({ package_id: packageId, package_name: pkg?.name, scope: { classes: 'selected', class_ids: [classId] } });

    const url = `/api/v1/clients/${client.id}/credits`;
    for (const body of [{ uses: 0, validity_days: 30, reason: 'x' }, { uses: 2, validity_days: 0, reason: 'x' }, { uses: 2, validity_days: 30 }, { uses: 2, validity_days: 30, reason: ' ' }, { uses: 1.5, validity_days: 30, reason: 'x' }, { uses: 2, validity_days: 30, reason: 'x', package_id: 'p1' }]) {
      const res = await api<ErrorBody>(url, { json: body, token: admin.token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await api<ErrorBody>(url, { json: { uses: 2, validity_days: 30, reason: 'x', package_id: randomUUID() }, token: admin.token })).status).toBe(404);
    expect((await api<ErrorBody>(`/api/v1/clients/${randomUUID()}/credits`, { json: { uses: 2, validity_days: 30, reason: 'x' }, token: admin.token })).status).toBe(404);
    const provider = await makeProvider();
    expect((await api<ErrorBody>(`/api/v1/clients/${provider.id}/credits`, { json: { uses: 2, validity_days: 30, reason: 'x' }, token: admin.token })).status).toBe(404);
    expect((await api<ErrorBody>(url, { json: { uses: 2, validity_days: 30, reason: 'x' }, token: client.token })).status).toBe(403);
    expect((await api<ErrorBody>(url, { json: { uses: 2, validity_days: 30, reason: 'x' }, token: provider.token })).status).toBe(403);
    expect((await api<ErrorBody>(url, { json: { uses: 2, validity_days: 30, reason: 'x' } })).status).toBe(401);
    // Only the one grant above happened.
    const [row] = await testSql()`select count(*)::int as n from credits where client_id = ${client.id}`;
    expect(row?.n).toBe(1);
  });

  it('adjusts by +2 and -1 with a reason; each is a ledger entry by the admin', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 3 });

    const up = await api<Adjusted>(`/api/v1/credits/${credit.id}/adjust`, { json: { delta: 2, reason: 'Goodwill' }, token: admin.token });
    expect(up.status).toBe(200);
    expect(up.body.credit.remaining_classes).toBe(5);
    expect(up.body.entry).toMatchObject({ kind: 'adjust', delta: 2, reason: 'Goodwill', credit_id: credit.id, actor: { type: 'user', id: admin.id } });
    const down = await api<Adjusted>(`/api/v1/credits/${credit.id}/adjust`, { json: { delta: -1, reason: 'Booked by phone' }, token: admin.token, server: 1 });
    expect(down.status).toBe(200);
    expect(down.body.credit.remaining_classes).toBe(4);

    const adjustments = (await entriesOf(credit.id)).filter((e) => e.kind === 'adjust');
    expect(adjustments).toEqual([
      { kind: 'adjust', delta: 2, booking_id: null, actor_id: admin.id, api_key_id: null, reason: 'Goodwill' },
      { kind: 'adjust', delta: -1, booking_id: null, actor_id: admin.id, api_key_id: null, reason: 'Booked by phone' },
    ]);
    const detail = await api<{ credit: CreditBody; history: EntryBody[] }>(`/api/v1/credits/${credit.id}`, { token: admin.token });
    expect(detail.body.history.map((e) => [e.kind, e.delta])).toEqual([
      ['adjust', -1],
      ['adjust', 2],
      ['grant', 3],
    ]);
    await expectLedgerConsistent(client.id);
  });

  it('refuses adjustments without a reason (400), of 0 (400), below zero (422), and from non-admins (403)', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const url = `/api/v1/credits/${credit.id}/adjust`;

    const missing = await api<ErrorBody>(url, { json: { delta: 1 }, token: admin.token });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.reason).toBeDefined();
    const blank = await api<ErrorBody>(url, { json: { delta: 1, reason: '   ' }, token: admin.token });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields?.reason).toBeDefined();
    for (const delta of [0, 1.5, 1001, '1']) {
      const res = await api<ErrorBody>(url, { json: { delta, reason: 'x' }, token: admin.token });
      expect(res.status, String(delta)).toBe(400);
      expect(res.body.error.fields?.delta).toBeDefined();
    }
    const below = await api<ErrorBody>(url, { json: { delta: -3, reason: 'Too many' }, token: admin.token });
    expect(below.status).toBe(422);
    expect(below.body.error.code).toBe('unprocessable');

    const provider = await makeProvider();
    expect((await api<ErrorBody>(url, { json: { delta: 1, reason: 'x' }, token: client.token })).status).toBe(403);
    expect((await api<ErrorBody>(url, { json: { delta: 1, reason: 'x' }, token: provider.token })).status).toBe(403);
    expect((await api<ErrorBody>(`/api/v1/credits/${randomUUID()}/adjust`, { json: { delta: 1, reason: 'x' }, token: admin.token })).status).toBe(404);
    expect((await api<ErrorBody>('/api/v1/credits/not-an-id/adjust', { json: { delta: 1, reason: 'x' }, token: admin.token })).status).toBe(404);

    expect(await remainingOf(credit.id)).toBe(2);
    expect((await entriesOf(credit.id)).map((e) => e.kind)).toEqual(['grant']);
  });
});

describe('reading credits', () => {
  it('GET /api/v1/credits: a client sees their own, total_credits counting only valid uses', async () => {
    const client = await makeClient();
    const a = await grantCredit(client.id, { uses: 3, validityDays: 10 });
    const b = await grantCredit(client.id, { uses: 2, validityDays: 60 });
    const gone = await grantCredit(client.id, { uses: 4 });
    await testSql()`update credits set expires_at = now() - interval '1 minute' where id = ${gone.id}`;
    expect((await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500 }) })).status).toBe(201);

    const res = await api<CreditsBody>('/api/v1/credits', { token: client.token });
    expect(res.status).toBe(200);
    expect(res.body.client_id).toBe(client.id);
    expect(res.body.total_credits).toBe(2 + 2);
    expect(res.body.credits.map((c) => [c.id, c.remaining_classes, c.is_valid])).toEqual([
      [a.id, 2, true],
      [b.id, 2, true],
      [gone.id, expect.any(Number), false],
    ]);
    expect(res.body.credits[0]).toMatchObject({ total_classes: 3, package_name: 'Complimentary credit', expires_at: a.expires_at });
  });

  it('GET /api/v1/credits: an admin names the client; providers are refused', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    await grantCredit(client.id, { uses: 2 });
    const missing = await api<ErrorBody>('/api/v1/credits', { token: admin.token });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.client_id).toBeDefined();
    expect((await api<ErrorBody>('/api/v1/credits?client_id=nope', { token: admin.token })).status).toBe(400);
    expect((await api<ErrorBody>(`/api/v1/credits?client_id=${randomUUID()}`, { token: admin.token })).status).toBe(404);
    const res = await api<CreditsBody>(`/api/v1/credits?client_id=${client.id}`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ client_id: client.id, total_credits: 2 });
    const provider = await makeProvider();
    expect((await api<ErrorBody>('/api/v1/credits', { token: provider.token })).status).toBe(403);
    expect((await api<ErrorBody>('/api/v1/credits')).status).toBe(401);
    // A client cannot read another's by naming them.
    const other = await makeClient();
    expect((await api<ErrorBody>(`/api/v1/credits?client_id=${client.id}`, { token: other.token })).status).toBe(404);
  });

  it("GET /api/v1/credits/:id and /api/v1/clients/:id/credits: the client's own or an admin's; 404 for others", async () => {
    const admin = await adminUser();
    const client = await makeClient();
    const other = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const booked = await bookWithCredit(client.token, { class_id: await makeClass({ capacity: 5, price: 1500 }) });

    const own = await api<{ credit: CreditBody; history: EntryBody[] }>(`/api/v1/credits/${credit.id}`, { token: client.token });
    expect(own.status).toBe(200);
    expect(own.body.credit.remaining_classes).toBe(1);
    expect(own.body.history[0]).toMatchObject({ kind: 'use', delta: -1, booking_id: booked.body.booking.id, actor: { type: 'user', id: client.id } });
    expect((await api(`/api/v1/credits/${credit.id}`, { token: other.token })).status).toBe(404);
    expect((await api(`/api/v1/credits/${credit.id}`, { token: (await tokenFor('maya@wellbook.test')).token })).status).toBe(404);
    expect((await api(`/api/v1/credits/${randomUUID()}`, { token: admin.token })).status).toBe(404);
    expect((await api(`/api/v1/credits/nope`, { token: admin.token })).status).toBe(404);

    type ClientCredits = CreditsBody & { client: { id: string }; history: EntryBody[] };
    for (const token of [client.token, admin.token]) {
      const res = await api<ClientCredits>(`/api/v1/clients/${client.id}/credits`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ client_id: client.id, client: { id: client.id }, total_credits: 1 });
      expect(res.body.history.map((e) => e.kind)).toEqual(['use', 'grant']);
    }
    expect((await api(`/api/v1/clients/${client.id}/credits`, { token: other.token })).status).toBe(404);
  });

  it('GET /api/v1/credits/clients: admins find clients holding credits', async () => {
    const admin = await adminUser();
    const client = await makeClient();
    await grantCredit(client.id, { uses: 3 });
    const res = await api<{ clients: { client: { id: string; email: string }; total_credits: number; credit_count: number }[]; total: number }>(
      `/api/v1/credits/clients?search=${encodeURIComponent(client.email)}&page=1&page_size=5`,
      { token: admin.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.clients).toEqual([expect.objectContaining({ client: expect.objectContaining({ id: client.id }), total_credits: 3, credit_count: 1 })]);
    expect((await api<ErrorBody>('/api/v1/credits/clients?page=0', { token: admin.token })).status).toBe(400);
    expect((await api<ErrorBody>('/api/v1/credits/clients?unknown=1', { token: admin.token })).status).toBe(400);
    expect((await api<ErrorBody>('/api/v1/credits/clients', { token: client.token })).status).toBe(403);
  });
});
