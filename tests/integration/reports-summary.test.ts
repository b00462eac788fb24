import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken,
  api,
  emulatorStripe,
  insertProvider,
  makeClass,
  makeClient,
  makeProvider,
  payAndConfirm,
  paymentRow,
  testSql,
  waitFor,
  type BookingBody,
  type ErrorBody,
  type Payment,
  type TestUser,
} from './fixtures';

const PATH = '/api/v1/reports/summary';
const NO_PROVIDER = '00000000-0000-0000-0000-000000000000';

type Figures = Record<string, number | string | null> & { currency: string };
type SummaryBody = { from: string; to: string; interval: string; totals: Figures[]; series: (Figures & { start: string })[]; by_provider: (Figures & { provider_id: string | null; name: string })[]; by_payment_provider: Record<string, unknown>[] };

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** A day "YYYY-MM-DD" `days` after today's date in `zone`. */
async function dayFromToday(zone: string, days: number): Promise<string> {
  const [row] = await testSql()`select to_char((now() at time zone ${zone})::date + ${days}::int, 'YYYY-MM-DD') as d`;
  return row?.d as string;
}

async function platformZone(): Promise<string> {
  const [row] = await testSql()`select value #>> '{}' as zone from settings where key = 'platform_time_zone'`;
  return (row?.zone as string | undefined) ?? 'Europe/London';
}

/** A class of `provider` in `currency`, booked by a new client: the booking and its PaymentIntent. */
async function bookClass(provider: TestUser, price: number, currency: 'gbp' | 'usd', hoursAhead: number): Promise<{ client: TestUser; bookingId: string; payment: Payment }> {
  const client = await makeClient();
  const classId = await makeClass({ capacity: 4, price, providerId: provider.id, hoursAhead });
  await testSql()`update classes set currency = ${currency} where id = ${classId}`;
  const res = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
  expect(res.status).toBe(201);
  return { client, bookingId: res.body.booking.id, payment: res.body.payment as Payment };
}

async function refund(paymentId: string, amount: number, ledgerRows: number): Promise<void> {
  const res = await api(`/api/v1/payments/${paymentId}/refund`, { json: { amount, reason: 'Report test' }, token: admin });
  expect(res.status).toBe(201);
  await waitFor(
    async () => (await testSql()`select count(*)::int as n from payment_transactions where payment_id = ${paymentId}`)[0]?.n as number,
    (n) => n === ledgerRows,
  );
}

/**
 * Every figure of one provider's range, recomputed straight from payment_transactions, payments,
 * bookings, classes and credits (not from the rollup), per (day, currency) and per currency.
 */
async function recompute(providerId: string, zone: string, from: string, to: string): Promise<{ days: Map<string, Figures>; totals: Map<string, Figures> }> {
  const sql = testSql();
  const start = sql`(${from}::date::timestamp at time zone ${zone})`;
  const end = sql`(${to}::date::timestamp at time zone ${zone})`;
  const rows = await sql`
    with ledger as (
      select (t.created_at at time zone ${zone})::date as day, t.currency,
             sum(t.gross) filter (where t.type <> 'refund') as gross, -sum(t.gross) filter (where t.type = 'refund') as refunds,
             sum(t.fee) as fees, sum(t.net) as share, count(*) filter (where t.type <> 'refund') as succeeded
      from payment_transactions t join payments p on p.id = t.payment_id
      where p.provider_id = ${providerId} and t.created_at >= ${start} and t.created_at < ${end} group by 1, 2),
    failed as (
      select (created_at at time zone ${zone})::date as day, currency, count(*) as failed from payments
      where provider_id = ${providerId} and status = 'failed' and created_at >= ${start} and created_at < ${end} group by 1, 2),
    booked as (
      select (starts_at at time zone ${zone})::date as day, currency,
             count(*) filter (where status in ('confirmed', 'in_progress', 'completed', 'no_show')) as confirmed,
             count(*) filter (where status = 'cancelled') as cancelled,
             count(*) filter (where status = 'completed') as completed,
             count(*) filter (where status = 'no_show') as no_show
      from bookings where provider_id = ${providerId} and starts_at >= ${start} and starts_at < ${end} group by 1, 2),
    held as (
      select (c.starts_at at time zone ${zone})::date as day, c.currency, sum(c.capacity) as capacity,
             sum((select count(*) from bookings b where b.class_id = c.id and b.status in ('confirmed', 'in_progress', 'completed', 'no_show'))) as seats
      from classes c where c.provider_id = ${providerId} and c.cancelled_at is null and c.starts_at >= ${start} and c.starts_at < ${end} group by 1, 2),
    used as (
      select (e.created_at at time zone ${zone})::date as day, cr.currency,
             count(*) filter (where e.kind = 'use') - count(*) filter (where e.kind = 'return') as used
      from credit_entries e join credits cr on cr.id = e.credit_id join bookings b on b.id = e.booking_id
      where b.provider_id = ${providerId} and e.created_at >= ${start} and e.created_at < ${end} group by 1, 2),
    firsts as (
      select distinct on (p.user_id, t.currency) p.user_id, t.currency, p.provider_id, t.created_at
      from payment_transactions t join payments p on p.id = t.payment_id
      where t.type <> 'refund' and p.user_id in (select user_id from payments where provider_id = ${providerId})
      order by p.user_id, t.currency, t.created_at, t.id),
    newcomers as (
      select (created_at at time zone ${zone})::date as day, currency, count(*) as new_clients from firsts
      where provider_id = ${providerId} and created_at >= ${start} and created_at < ${end} group by 1, 2),
    keys as (select day, currency from ledger union select day, currency from failed union select day, currency from booked
             union select day, currency from held union select day, currency from used union select day, currency from newcomers)
    select to_char(k.day, 'YYYY-MM-DD') as day, k.currency,
           coalesce(l.gross, 0)::int as gross, coalesce(l.refunds, 0)::int as refunds, coalesce(l.fees, 0)::int as fees, coalesce(l.share, 0)::int as share,
           coalesce(l.succeeded, 0)::int as succeeded, coalesce(f.failed, 0)::int as failed,
           coalesce(b.confirmed, 0)::int as confirmed, coalesce(b.cancelled, 0)::int as cancelled, coalesce(b.completed, 0)::int as completed, coalesce(b.no_show, 0)::int as no_show,
           coalesce(h.capacity, 0)::int as capacity, coalesce(h.seats, 0)::int as seats, coalesce(u.used, 0)::int as used, coalesce(n.new_clients, 0)::int as new_clients
    from keys k
    left join ledger l using (day, currency) left join failed f using (day, currency) left join booked b using (day, currency)
    left join held h using (day, currency) left join used u using (day, currency) left join newcomers n using (day, currency)`;

  type Sums = Record<string, number>;
  const figures = (currency: string, s: Sums): Figures => ({
    currency,
    gross: s.gross ?? 0,
    refunds: s.refunds ?? 0,
    net: (s.gross ?? 0) - (s.refunds ?? 0),
    platform_fees: s.fees ?? 0,
    provider_share: s.share ?? 0,
    payments_succeeded: s.succeeded ?? 0,
    payments_failed: s.failed ?? 0,
    success_rate: rate(s.succeeded ?? 0, (s.succeeded ?? 0) + (s.failed ?? 0)),
    refund_rate: rate(s.refunds ?? 0, s.gross ?? 0),
    bookings_confirmed: s.confirmed ?? 0,
    bookings_cancelled: s.cancelled ?? 0,
    no_show_rate: rate(s.no_show ?? 0, (s.completed ?? 0) + (s.no_show ?? 0)),
    fill_rate: rate(s.seats ?? 0, s.capacity ?? 0),
    // Packages are no provider's: a provider sells no credits, and expiries belong to no booking.
    credits_sold: 0,
    credits_used: s.used ?? 0,
    credits_expired: 0,
    new_clients: s.new_clients ?? 0,
  });
  const days = new Map<string, Figures>();
  const sums = new Map<string, Sums>();
  for (const r of rows) {
    const { day, currency, ...values } = r as unknown as { day: string; currency: string } & Sums;
    days.set(`${day}|${currency}`, figures(currency, values));
    const total = sums.get(currency) ?? {};
    for (const [k, v] of Object.entries(values)) total[k] = (total[k] ?? 0) + v;
    sums.set(currency, total);
  }
  return { days, totals: new Map([...sums].map(([c, s]) => [c, figures(c, s)])) };
}

describe('GET /api/v1/reports/summary: who may', () => {
  it('is 401 without a token and 403 for clients and providers', async () => {
    const query = `${PATH}?from=2027-01-01&to=2027-02-01`;
    expect((await api<ErrorBody>(query)).status).toBe(401);
    const client = await makeClient('none');
    const asClient = await api<ErrorBody>(query, { token: client.token });
    expect(asClient.status).toBe(403);
    expect(asClient.body.error.code).toBe('forbidden');
    const provider = await makeProvider();
    expect((await api<ErrorBody>(query, { token: provider.token })).status).toBe(403);
  });
});

describe('GET /api/v1/reports/summary: bad queries are a 400', () => {
  const bad = async (query: string) => {
    const res = await api<ErrorBody>(`${PATH}?${query}`, { token: admin });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    return res.body.error.fields ?? {};
  };

  it('names the field that is wrong', async () => {
    expect(Object.keys(await bad('to=2027-02-01'))).toEqual(['from']);
    expect(Object.keys(await bad('from=yesterday&to=2027-02-01'))).toEqual(['from']);
    expect(Object.keys(await bad('from=2027-02-30&to=2027-03-01'))).toEqual(['from']);
    expect(Object.keys(await bad('from=2027-01-01T00:00:00Z&to=2027-03-01'))).toEqual(['from']);
    expect(Object.keys(await bad('from=2027-01-01&to=2027-02-01&interval=hour'))).toEqual(['interval']);
    expect(Object.keys(await bad('from=2027-01-01&to=2027-02-01&provider_id=42'))).toEqual(['provider_id']);
    expect(Object.keys(await bad('from=2027-01-01&to=2027-02-01&currency=GBP'))).toEqual(['currency']);
    expect(Object.keys(await bad('from=2027-01-01&to=2027-02-01&format=xlsx'))).toEqual(['format']);
  });

  it('refuses an empty, reversed or longer than three years range', async () => {
    expect(await bad('from=2027-01-01&to=2027-01-01')).toEqual({ to: ['"to" must be after "from".'] });
    expect(await bad('from=2027-01-02&to=2027-01-01')).toEqual({ to: ['"to" must be after "from".'] });
    expect(await bad('from=2020-01-01&to=2027-01-01')).toEqual({ to: ['The range can be at most three years.'] });
  });
});

describe('GET /api/v1/reports/summary: the figures are the ledger’s and the bookings’', () => {
  it('matches a recomputation from payment_transactions and bookings, with a failed payment, a full and a partial refund, in two currencies', async () => {
    const provider = await insertProvider();
    const stripe = emulatorStripe();

    // Paid, kept: GBP 30.00.
    const kept = await bookClass(provider, 3000, 'gbp', 50);
    await payAndConfirm(kept.bookingId, kept.payment, kept.client.token);
    // Paid, then refunded in full: GBP 20.00.
    const full = await bookClass(provider, 2000, 'gbp', 50);
    await payAndConfirm(full.bookingId, full.payment, full.client.token);
    await refund(full.payment.payment_intent_id, 2000, 2);
    // Paid, then refunded in part: USD 40.00, 15.00 back.
    const part = await bookClass(provider, 4000, 'usd', 74);
    await payAndConfirm(part.bookingId, part.payment, part.client.token);
    await refund(part.payment.payment_intent_id, 1500, 2);
    // Declined: a failed payment, no ledger row.
    const declined = await bookClass(provider, 2500, 'gbp', 74);
    await expect(stripe.paymentIntents.confirm(declined.payment.payment_intent_id, { payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds' })).rejects.toMatchObject({
      type: 'StripeCardError',
    });
    await waitFor(() => paymentRow(declined.payment.payment_intent_id), (p) => p?.status === 'failed');

    const zone = await platformZone();
    const from = await dayFromToday(zone, -1);
    const to = await dayFromToday(zone, 6);
    const res = await api<SummaryBody>(`${PATH}?from=${from}&to=${to}&interval=day&provider_id=${provider.id}`, { token: admin });
    expect(res.status).toBe(200);
    const expected = await recompute(provider.id, zone, from, to);

    // The scenario is what it says: two currencies, refunds of both kinds, one failure.
    expect([...expected.totals.keys()].sort()).toEqual(['gbp', 'usd']);
    const gbp = expected.totals.get('gbp');
    expect(gbp).toMatchObject({ gross: 5000, refunds: 2000, net: 3000, payments_succeeded: 2, payments_failed: 1 });
    expect(expected.totals.get('usd')).toMatchObject({ gross: 4000, refunds: 1500, net: 2500, payments_succeeded: 1, payments_failed: 0 });

    expect(res.body).toMatchObject({ from, to, interval: 'day' });
    expect(res.body.totals).toEqual([expected.totals.get('gbp'), expected.totals.get('usd')]);
    // Every day of every currency, empty days as zeros.
    expect(res.body.series).toHaveLength(7 * 2);
    for (const entry of res.body.series) {
      const { start, ...figures } = entry;
      const want = expected.days.get(`${start}|${entry.currency}`);
      if (want) expect(figures, `${start} ${entry.currency}`).toEqual(want);
      else expect(figures.gross === 0 && figures.payments_failed === 0 && figures.bookings_confirmed === 0 && figures.new_clients === 0, `${start} ${entry.currency}`).toBe(true);
    }
    // By payment provider: all of it by card here, the same money as the totals.
    expect(res.body.by_payment_provider).toEqual(
      ['gbp', 'usd'].map((currency) => {
        const t = expected.totals.get(currency)!;
        return { payment_provider: 'card', currency, gross: t.gross, refunds: t.refunds, net: t.net, platform_fees: t.platform_fees, provider_share: t.provider_share, payments_succeeded: t.payments_succeeded };
      }),
    );
    // The provider's own line says the same.
    expect(res.body.by_provider.map((p) => p.provider_id)).toEqual([provider.id, provider.id]);
    for (const line of res.body.by_provider) {
      const { provider_id: _id, name, ...figures } = line;
      expect(name).toBe('Test Provider');
      expect(figures).toEqual(expected.totals.get(line.currency));
    }

    // Unfiltered, the provider's line is the same, and the totals hold at least what it holds.
    const all = await api<SummaryBody>(`${PATH}?from=${from}&to=${to}&interval=week`, { token: admin });
    expect(all.status).toBe(200);
    for (const currency of ['gbp', 'usd']) {
      const mine = all.body.by_provider.find((p) => p.provider_id === provider.id && p.currency === currency);
      const { provider_id: _id, name: _name, ...figures } = mine ?? { provider_id: null, name: '' };
      expect(figures).toEqual(expected.totals.get(currency));
      const total = all.body.totals.find((t) => t.currency === currency);
      expect(Number(total?.gross)).toBeGreaterThanOrEqual(Number(expected.totals.get(currency)?.gross));
      // The series adds up to the totals.
      const summed = all.body.series.filter((s) => s.currency === currency).reduce((sum, s) => sum + Number(s.gross), 0);
      expect(summed).toBe(total?.gross);
    }
    // Packages have no provider: their money shows under provider_id null, never under the sentinel.
    expect(all.body.by_provider.some((p) => p.provider_id === NO_PROVIDER)).toBe(false);

    // One currency only.
    const usd = await api<SummaryBody>(`${PATH}?from=${from}&to=${to}&provider_id=${provider.id}&currency=usd`, { token: admin });
    expect(usd.body.totals).toEqual([expected.totals.get('usd')]);
  });
});
