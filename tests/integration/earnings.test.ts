import { describe, expect, it } from 'vitest';
import {
  adminUser,
  api,
  bookWithCredit,
  emulatorControl,
  emulatorStripe,
  grantCredit,
  insertProvider,
  makeClass,
  makeClient,
  payAndConfirm,
  testSql,
  waitFor,
  type BookingBody,
  type ErrorBody,
  type Payment,
  type TestUser,
} from './fixtures';

type M = { amount: number; currency: string };
type Totals = { pending: M; available: M; paid_out: M; total: M };
type Line = { id: string; booking_id: string; kind: string; state: string; gross: M; fee: M; net: M; payout_id: string | null; complimentary: boolean };
type Payout = { id: string; amount: M; status: string; method: string; stripe_transfer_id: string | null; failure_reason: string | null };
type Statement = Payout & { lines: Line[]; totals: { gross: M; fee: M; net: M; clawbacks: M } };

const totalsOf = async (p: TestUser) => (await api<Totals>('/api/v1/earnings', { token: p.token })).body;
const linesOf = async (p: TestUser, query = '') => (await api<{ lines: Line[]; total: number }>(`/api/v1/earnings/lines?page_size=100${query}`, { token: p.token })).body;
const lineOf = async (p: TestUser, bookingId: string) => (await linesOf(p)).lines.find((l) => l.booking_id === bookingId && l.kind === 'earning');

/** A client's paid booking of a class of `provider` (GBP, 15% fee), through the API and the emulator. */
async function paidBooking(provider: TestUser, price: number): Promise<{ classId: string; bookingId: string; paymentId: string; client: TestUser }> {
  const client = await makeClient();
  const classId = await makeClass({ capacity: 10, price, providerId: provider.id, hoursAhead: 48 });
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(res.status).toBe(201);
  const payment = res.body.payment as Payment;
  await payAndConfirm(res.body.booking.id, payment, client.token);
  return { classId, bookingId: res.body.booking.id, paymentId: payment.payment_intent_id, client };
}

/** Moves a class (and its bookings) into the past: it started `hoursAgo` hours ago. */
async function startedAgo(classId: string, hoursAgo: number): Promise<void> {
  const startsAt = new Date(Date.now() - hoursAgo * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  await testSql()`update classes set starts_at = ${startsAt} where id = ${classId}`;
  await testSql()`update bookings set starts_at = ${startsAt}, ends_at = ${endsAt} where class_id = ${classId}`;
}

async function complete(provider: TestUser, classId: string) {
  const res = await api<{ completed_bookings: number }>(`/api/v1/classes/${classId}/complete`, { method: 'POST', token: provider.token });
  expect(res.status).toBe(200);
  return res.body;
}

async function refund(paymentId: string, amount: number) {
  const admin = await adminUser();
  const res = await api(`/api/v1/payments/${paymentId}/refund`, { json: { amount, reason: 'Partial refund' }, token: admin.token });
  expect(res.status).toBe(201);
}

/** Every line's gross = fee + net, the totals equal the sum of the lines, and the running totals equal the sum of the entries. */
async function expectConsistent(provider: TestUser): Promise<void> {
  const { lines, total } = await linesOf(provider);
  // The page's total comes from the running counts: it must match the lines.
  expect(total).toBe(lines.length);
  for (const state of ['pending', 'available', 'paid_out', 'reversed']) {
    expect((await linesOf(provider, `&state=${state}`)).total).toBe(lines.filter((l) => l.state === state).length);
  }
  for (const l of lines) expect(l.gross.amount).toBe(l.fee.amount + l.net.amount);
  const t = await totalsOf(provider);
  const sum = (state: string) => lines.filter((l) => l.state === state).reduce((s, l) => s + l.net.amount, 0);
  expect(t.pending.amount).toBe(sum('pending'));
  expect(t.available.amount).toBe(sum('available'));
  expect(t.paid_out.amount).toBe(sum('paid_out'));
  expect(t.total.amount).toBe(sum('pending') + sum('available') + sum('paid_out'));
  const drift = await testSql()`
    select t.state, t.amount, coalesce((select sum(e.amount) from earning_entries e where e.provider_id = t.provider_id and e.currency = t.currency and e.state = t.state), 0)::int as entries
    from earning_totals t where t.provider_id = ${provider.id}`;
  for (const row of drift) expect(row.amount).toBe(row.entries);
}

async function connectProvider(provider: TestUser): Promise<string> {
  const res = await api<{ url: string }>('/api/v1/connect/onboarding', { method: 'POST', token: provider.token });
  expect(res.status).toBe(200);
  const [row] = await testSql()`select stripe_account_id from connect_accounts where user_id = ${provider.id}`;
  const accountId = row?.stripe_account_id as string;
  await emulatorControl(`/connect/accounts/${accountId}/onboarding`, { outcome: 'complete' });
  await waitFor(async () => (await api<{ payouts_enabled: boolean }>('/api/v1/connect', { token: provider.token })).body, (c) => c.payouts_enabled);
  return accountId;
}

async function payout(provider: TestUser, server = 0) {
  const admin = await adminUser();
  return api<{ payouts: Payout[] }>('/api/v1/payouts', { json: { provider_id: provider.id, method: 'stripe' }, token: admin.token, server });
}

describe('earnings', () => {
  it('a paid class earns its net pending; completing makes it available; a 40% refund takes round(net x 0.4) and gross = fee + net holds', async () => {
    const provider = await insertProvider();
    const before = await totalsOf(provider);
    expect(before.total.amount).toBe(0);
    const { classId, bookingId, paymentId } = await paidBooking(provider, 2500);
    const [pay] = await testSql()`select provider_amount, fee_amount from payments where id = ${paymentId}`;
    const net = pay?.provider_amount as number;
    let t = await totalsOf(provider);
    expect(t.pending.amount).toBe(net);
    expect(t.available.amount).toBe(0);
    expect(await lineOf(provider, bookingId)).toMatchObject({ state: 'pending', gross: { amount: 2500 }, fee: { amount: pay?.fee_amount }, net: { amount: net } });

    await startedAgo(classId, 2);
    expect((await complete(provider, classId)).completed_bookings).toBe(1);
    t = await totalsOf(provider);
    expect(t.pending.amount).toBe(0);
    expect(t.available.amount).toBe(net);

    await refund(paymentId, 1000);
    const line = await waitFor(() => lineOf(provider, bookingId), (l) => l?.gross.amount === 1500);
    expect(line?.net.amount).toBe(net - Math.round(net * 0.4));
    expect(line!.gross.amount).toBe(line!.fee.amount + line!.net.amount);
    t = await totalsOf(provider);
    expect(t.available.amount).toBe(net - Math.round(net * 0.4));
    await expectConsistent(provider);
    // Completing again is no error and changes nothing.
    expect((await complete(provider, classId)).completed_bookings).toBe(0);
    expect((await totalsOf(provider)).available.amount).toBe(net - Math.round(net * 0.4));
  });

  it('a cancellation refunded in full before delivery leaves the earning reversed at zero', async () => {
    const provider = await insertProvider();
    const { bookingId, client } = await paidBooking(provider, 2000);
    const res = await api(`/api/v1/bookings/${bookingId}/cancel`, { json: { reason: 'Cannot come' }, token: client.token });
    expect(res.status).toBe(200);
    const line = await waitFor(() => lineOf(provider, bookingId), (l) => l?.state === 'reversed');
    expect(line).toMatchObject({ gross: { amount: 0 }, fee: { amount: 0 }, net: { amount: 0 } });
    expect((await totalsOf(provider)).total.amount).toBe(0);
    await expectConsistent(provider);
  });

  it("a credit's use earns its per-class value less the package fee; a complimentary credit earns 0 and says so", async () => {
    const provider = await insertProvider();
    const client = await makeClient();
    const credit = await grantCredit(client.id, { uses: 2 });
    const classId = await makeClass({ capacity: 5, price: 1800, providerId: provider.id });
    const booked = await bookWithCredit(client.token, { class_id: classId });
    expect(booked.status).toBe(201);
    const bookingId = (booked.body as BookingBody).booking.id;
    expect(await lineOf(provider, bookingId)).toMatchObject({ complimentary: true, gross: { amount: 0 }, net: { amount: 0 }, state: 'pending' });
    expect(credit).toBeTruthy();

    // A bought credit: the per-class value is what was paid / its uses, rounded half up.
    await testSql()`update credits set amount_paid = 5000, total_uses = 3, fee_bps = 1500 where id = ${credit.id}`;
    const second = await makeClass({ capacity: 5, price: 1800, providerId: provider.id });
    const again = await bookWithCredit(client.token, { class_id: second });
    expect(again.status).toBe(201);
    const value = Math.floor((2 * 5000 + 3) / 6);
    expect(value).toBe(1667);
    expect(await lineOf(provider, (again.body as BookingBody).booking.id)).toMatchObject({ complimentary: false, gross: { amount: 1667 }, fee: { amount: 250 }, net: { amount: 1417 } });
    await expectConsistent(provider);
  });

  it('the worker completes a session left open past auto_complete_hours, and its earning becomes available', async () => {
    const provider = await insertProvider();
    const { classId, bookingId } = await paidBooking(provider, 1200);
    await startedAgo(classId, 14);
    const line = await waitFor(() => lineOf(provider, bookingId), (l) => l?.state === 'available', 20_000);
    expect(line?.state).toBe('available');
    const [cls] = await testSql()`select completed_at from classes where id = ${classId}`;
    expect(cls?.completed_at).not.toBeNull();
  });

  it('ten concurrent payouts over two servers make one payout and one transfer of exactly the available amount; a later refund is a clawback on the next statement', async () => {
    const provider = await insertProvider();
    const accountId = await connectProvider(provider);
    const first = await paidBooking(provider, 3000);
    const second = await paidBooking(provider, 2000);
    for (const b of [first, second]) {
      await startedAgo(b.classId, 2);
      await complete(provider, b.classId);
    }
    const available = (await totalsOf(provider)).available.amount;
    expect(available).toBe(2550 + 1700);

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => payout(provider, i % 2)));
    for (const a of answers) expect([200, 201]).toContain(a.status);
    const made = answers.flatMap((a) => a.body.payouts);
    expect(made).toHaveLength(1);
    expect(made[0]?.amount.amount).toBe(available);
    const transfers = await emulatorStripe().transfers.list({ destination: accountId, limit: 100 });
    expect(transfers.data).toHaveLength(1);
    expect(transfers.data[0]?.amount).toBe(available);
    expect(transfers.data[0]?.transfer_group).toBe(`payout_${made[0]?.id}`);
    const [rows] = await testSql()`select count(*)::int as n, sum(amount)::int as amount from payouts where provider_id = ${provider.id}`;
    expect(rows).toMatchObject({ n: 1, amount: available });
    let t = await totalsOf(provider);
    expect(t.available.amount).toBe(0);
    expect(t.paid_out.amount).toBe(available);
    const paid = await waitFor(async () => (await api<Statement>(`/api/v1/payouts/${made[0]?.id}`, { token: provider.token })).body, (s) => s.status === 'paid');
    expect(paid.lines).toHaveLength(2);
    expect(paid.totals.net.amount + paid.totals.clawbacks.amount).toBe(paid.amount.amount);

    // A refund after the payout: a negative line, carried into the next payout, never a negative transfer.
    await refund(first.paymentId, 1500);
    const claw = await waitFor(async () => (await linesOf(provider)).lines.find((l) => l.kind === 'clawback'), (l) => l !== undefined);
    expect(claw).toMatchObject({ state: 'available', net: { amount: -Math.round(2550 * 0.5) } });
    expect((await payout(provider)).body.payouts).toHaveLength(0);
    const third = await paidBooking(provider, 4000);
    await startedAgo(third.classId, 2);
    await complete(provider, third.classId);
    const next = (await payout(provider)).body.payouts;
    expect(next).toHaveLength(1);
    expect(next[0]?.amount.amount).toBe(3400 - 1275);
    const statement = (await api<Statement>(`/api/v1/payouts/${next[0]?.id}`, { token: provider.token })).body;
    expect(statement.lines.map((l) => l.kind).sort()).toEqual(['clawback', 'earning']);
    expect(statement.totals.clawbacks.amount).toBe(-1275);
    expect(statement.totals.net.amount + statement.totals.clawbacks.amount).toBe(statement.amount.amount);
    t = await totalsOf(provider);
    expect(t.available.amount).toBe(0);
    await expectConsistent(provider);

    // Nobody else sees these: another provider gets 404, a client 403.
    const other = await insertProvider();
    expect((await api<ErrorBody>(`/api/v1/payouts/${next[0]?.id}`, { token: other.token })).status).toBe(404);
    expect((await linesOf(other)).lines).toHaveLength(0);
    expect((await api<{ payouts: Payout[] }>('/api/v1/payouts', { token: other.token })).body.payouts).toHaveLength(0);
    const client = await makeClient();
    for (const path of ['/api/v1/earnings', '/api/v1/earnings/lines', '/api/v1/payouts', `/api/v1/payouts/${next[0]?.id}`]) {
      expect((await api<ErrorBody>(path, { token: client.token })).status).toBe(403);
    }
    expect((await api<ErrorBody>('/api/v1/payouts', { json: { method: 'stripe' }, token: provider.token })).status).toBe(403);
    // Connect is the provider's own; completing a class is its provider's or an admin's.
    for (const path of ['/api/v1/connect', '/api/v1/connect/refresh']) expect((await api<ErrorBody>(path, { token: client.token })).status).toBe(403);
    for (const path of ['/api/v1/connect/onboarding', '/api/v1/connect/dashboard-link', `/api/v1/classes/${third.classId}/complete`]) {
      expect((await api<ErrorBody>(path, { method: 'POST', token: client.token })).status).toBe(403);
    }
    expect((await api<ErrorBody>(`/api/v1/classes/${third.classId}/complete`, { method: 'POST', token: other.token })).status).toBe(404);
    expect((await api<ErrorBody>('/api/v1/earnings/lines?state=nonsense', { token: provider.token })).status).toBe(400);
  });

  it('a transfer Stripe refuses for lack of funds fails the payout with its reason and frees its lines; the retry pays', async () => {
    const provider = await insertProvider();
    await connectProvider(provider);
    const stripe = emulatorStripe();
    // Spend the platform's available balance, and hold new card funds as pending.
    const balance = await stripe.balance.retrieve();
    const gbp = balance.available.find((b) => b.currency === 'gbp')?.amount ?? 0;
    if (gbp > 0) await stripe.payouts.create({ amount: gbp, currency: 'gbp' });
    await emulatorControl('/balance/hold', { pending: true });
    try {
      const b = await paidBooking(provider, 2000);
      await startedAgo(b.classId, 2);
      await complete(provider, b.classId);
      const res = await payout(provider);
      expect(res.status).toBe(201);
      const failed = await waitFor(async () => (await api<Statement>(`/api/v1/payouts/${res.body.payouts[0]?.id}`, { token: provider.token })).body, (s) => s.status === 'failed');
      expect(failed.failure_reason).toContain('balance_insufficient');
      expect((await totalsOf(provider)).available.amount).toBe(1700);
    } finally {
      await emulatorControl('/balance/hold', { pending: false });
      await emulatorControl('/balance/release', {});
    }
    const retry = await payout(provider);
    expect(retry.body.payouts).toHaveLength(1);
    const paid = await waitFor(async () => (await api<Statement>(`/api/v1/payouts/${retry.body.payouts[0]?.id}`, { token: provider.token })).body, (s) => s.status === 'paid');
    expect(paid.amount.amount).toBe(1700);
    expect((await totalsOf(provider)).paid_out.amount).toBe(1700);
    await expectConsistent(provider);
  });

  it('an admin cannot pay by Stripe a provider who has not connected, and records a manual payout instead', async () => {
    const provider = await insertProvider();
    const b = await paidBooking(provider, 1000);
    await startedAgo(b.classId, 2);
    await complete(provider, b.classId);
    const admin = await adminUser();
    const refused = await api<ErrorBody>('/api/v1/payouts', { json: { provider_id: provider.id, method: 'stripe' }, token: admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payouts_not_enabled');
    const noRef = await api<ErrorBody>('/api/v1/payouts', { json: { provider_id: provider.id, method: 'manual' }, token: admin.token });
    expect(noRef.status).toBe(400);
    const manual = await api<{ payouts: Payout[] }>('/api/v1/payouts', { json: { provider_id: provider.id, method: 'manual', reference: 'BACS 2026-12-02' }, token: admin.token });
    expect(manual.status).toBe(201);
    expect(manual.body.payouts[0]).toMatchObject({ method: 'manual', status: 'paid', amount: { amount: 850 } });
    expect((await totalsOf(provider)).paid_out.amount).toBe(850);
  });
});
