/**
 * The analytics summary at scale (issue 14): a fresh database of its own gets
 * BENCH_SMALL (10,000) paid class bookings spread over the last two years, each
 * with its payments row and ledger charge; one in twenty refunded in part and
 * one in fifty in full (and cancelled), one in forty a no-show, one payment in
 * thirty-three declined, a tenth in USD; 20 providers, 5,000 clients, classes
 * of ten. Signed in as the admin (session cookie), it times GET
 * /api/v1/reports/summary for the last 30 days (by day), one year (by week)
 * and two years (by month), BENCH_REQUESTS (20) sequential requests each
 * after a warm-up. Then it adds bookings up to BENCH_LARGE (1,000,000) over the
 * same two years and times the same requests. The rows go in through the
 * tables' triggers, as the app writes them, so the rollup is the app's own.
 *
 * Prints p50/p95 per range and size, the ratio, the floors (two years at 1M
 * under 500 ms; within 3x of 10k), and what the same two years cost straight
 * from the ledger and bookings without the rollup; checks the answer against
 * the ledger; exits non-zero when a floor is missed. Needs a build.
 */
import { DEMO_PASSWORD } from '../db/seed';
import { withBenchStack, type BenchContext } from './lib/bench-stack';
import { signInCookie } from './lib/sign-in';

const SMALL = Number(process.env.BENCH_SMALL || 10_000);
const LARGE = Number(process.env.BENCH_LARGE || 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 20);
const WARM_UP = 3;
const FLOOR_MS = 500;
const AIM_RATIO = 3;
const PROVIDERS = 20;
const CLIENTS = 5_000;
const SEATS = 10;
const SPAN_DAYS = 730;

type Sql = BenchContext['sql'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function people(sql: Sql): Promise<{ providers: string[]; clients: string[] }> {
  const providers = await sql`
    insert into users (email, name, password_hash, role)
    select 'bench-reports-provider-' || i || '@example.test', 'Bench Provider ' || i, 'not-a-login', 'provider' from generate_series(1, ${PROVIDERS}::int) i
    returning id`;
  await sql`insert into provider_profiles (user_id, headline) select id, 'Bench provider' from users where email like 'bench-reports-provider-%'`;
  const clients = await sql`
    insert into users (email, name, password_hash, role)
    select 'bench-reports-client-' || i || '@example.test', 'Bench Client ' || i, 'not-a-login', 'client' from generate_series(1, ${CLIENTS}::int) i
    returning id`;
  return { providers: providers.map((r) => r.id as string), clients: clients.map((r) => r.id as string) };
}

/**
 * Classes k0..k1-1 of ten seats, spread evenly over the two years up to now (the last few days ahead),
 * every seat booked and paid, with the refunds, no-shows and declines of the header.
 */
async function seed(sql: Sql, who: { providers: string[]; clients: string[] }, k0: number, k1: number): Promise<void> {
  const n = k1 - k0;
  await sql`
    insert into classes (id, provider_id, title, starts_at, duration_minutes, capacity, seats_taken, price_amount, currency, fee_bps, location, created_at, updated_at)
    select md5('bench-class-' || k)::uuid, (${sql.array(who.providers)}::uuid[])[k % ${PROVIDERS} + 1], 'Bench class', t.s, 60, ${SEATS + 2}, 0,
           case when k % 10 = 0 then 3000 else 2500 end, case when k % 10 = 0 then 'usd' else 'gbp' end, 1500, 'Studio B', t.s - interval '30 days', t.s - interval '30 days'
    from generate_series(${k0}::int, ${k1 - 1}::int) k,
         lateral (select date_trunc('minute', now() - ${SPAN_DAYS - 3}::int * interval '1 day' + ((k - ${k0}::int)::float8 / ${n}::int) * ${SPAN_DAYS}::int * interval '1 day') as s) t`;
  await sql`
    insert into bookings (id, kind, client_id, provider_id, class_id, starts_at, ends_at, status, payment_status, payment_type,
                          price_amount, amount_due, currency, fee_bps, fee_amount, payment_ref, created_at, updated_at)
    select md5('bench-booking-' || g)::uuid, 'class', (${sql.array(who.clients)}::uuid[])[(k * 7 + s) % ${CLIENTS} + 1], c.provider_id, c.id, c.starts_at, c.starts_at + interval '1 hour',
           (case when g % 50 = 0 then 'cancelled' when c.starts_at > now() then 'confirmed' when g % 40 = 1 then 'no_show' else 'completed' end)::booking_status,
           (case when g % 50 = 0 then 'refunded' when g % 20 = 0 then 'partially_refunded' else 'paid' end)::payment_status, 'single',
           c.price_amount, c.price_amount, c.currency, 1500, round(c.price_amount * 0.15), 'pi_bench_' || g, c.starts_at - interval '3 days', c.starts_at - interval '3 days'
    from generate_series(${k0}::int, ${k1 - 1}::int) k cross join generate_series(0, ${SEATS - 1}::int) s
    join classes c on c.id = md5('bench-class-' || k)::uuid, lateral (select k * ${SEATS} + s as g) x`;
  const bookings = sql`
    select b.*, x.g, case when x.g % 50 = 0 then b.price_amount when x.g % 20 = 0 then 1000 else 0 end as refunded
    from generate_series(${k0 * SEATS}::int, ${k1 * SEATS - 1}::int) x(g) join bookings b on b.id = md5('bench-booking-' || x.g)::uuid`;
  await sql`
    insert into payments (id, payable_type, payable_id, user_id, provider_id, amount, currency, status, fee_bps, fee_amount, provider_amount, refunded_amount,
                          charge_id, card_brand, card_last4, succeeded_at, created_at, updated_at)
    select b.payment_ref, 'booking', b.id, b.client_id, b.provider_id, b.price_amount, b.currency,
           (case when b.refunded = b.price_amount then 'refunded' when b.refunded > 0 then 'partially_refunded' else 'succeeded' end)::payment_state,
           1500, b.fee_amount, b.price_amount - b.fee_amount, b.refunded, 'ch_bench_' || b.g, 'visa', '4242', b.created_at, b.created_at, b.created_at
    from (${bookings}) b`;
  // Declined payments of their own payables (a booking that then expired).
  await sql`
    insert into payments (id, payable_type, payable_id, user_id, provider_id, amount, currency, status, fee_bps, fee_amount, provider_amount, failure_code, created_at, updated_at)
    select 'pi_bench_failed_' || b.g, 'booking', md5('bench-failed-' || b.g)::uuid, b.client_id, b.provider_id, b.price_amount, b.currency, 'failed',
           1500, b.fee_amount, b.price_amount - b.fee_amount, 'card_declined', b.created_at - interval '5 minutes', b.created_at - interval '5 minutes'
    from (${bookings}) b where b.g % 33 = 0`;
  await sql`
    insert into payment_transactions (payment_id, type, stripe_object_id, gross, fee, net, currency, metadata, created_at)
    select b.payment_ref, 'single', 'ch_bench_' || b.g, b.price_amount, b.fee_amount, b.price_amount - b.fee_amount, b.currency, '{}', b.created_at
    from (${bookings}) b`;
  await sql`
    insert into payment_transactions (payment_id, type, stripe_object_id, gross, fee, net, currency, metadata, created_at)
    select b.payment_ref, 'refund', 're_bench_' || b.g, -b.refunded, -round(b.fee_amount::numeric * b.refunded / b.price_amount),
           -b.refunded + round(b.fee_amount::numeric * b.refunded / b.price_amount), b.currency, '{}', least(b.created_at + interval '1 day', now())
    from (${bookings}) b where b.refunded > 0`;
  await sql`analyze`;
}

interface Case {
  label: string;
  days: number;
  interval: 'day' | 'week' | 'month';
}
const CASES: Case[] = [
  { label: '30 days, by day', days: 30, interval: 'day' },
  { label: '1 year, by week', days: 365, interval: 'week' },
  { label: '2 years, by month', days: SPAN_DAYS + 1, interval: 'month' },
];

/** [from, to) of the last `days` days of the platform's zone, today included. */
async function range(sql: Sql, days: number): Promise<{ from: string; to: string }> {
  const [r] = await sql`
    select to_char(d - ${days - 1}::int, 'YYYY-MM-DD') as from, to_char(d + 1, 'YYYY-MM-DD') as to
    from (select (now() at time zone coalesce((select value #>> '{}' from settings where key = 'platform_time_zone'), 'Europe/London'))::date as d) t`;
  return { from: r?.from as string, to: r?.to as string };
}

type Totals = { currency: string; gross: number; refunds: number; payments_succeeded: number; payments_failed: number }[];

async function time(url: string, cookie: string): Promise<{ ms: number; body: { totals: Totals } }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as { totals: Totals } };
}

/** The two-year money totals straight from the ledger: what the summary must say, and what it costs without the rollup. */
async function fromLedger(sql: Sql, from: string, to: string): Promise<{ ms: number; totals: Record<string, { gross: number; refunds: number }> }> {
  const t0 = performance.now();
  const rows = await sql`
    with z as (select coalesce((select value #>> '{}' from settings where key = 'platform_time_zone'), 'Europe/London') as zone),
    ledger as (
      select date_trunc('month', (t.created_at at time zone z.zone))::date as m, t.currency, p.provider_id,
             sum(t.gross) filter (where t.type <> 'refund') as gross, -sum(t.gross) filter (where t.type = 'refund') as refunds, sum(t.fee) as fees, count(*) as n
      from payment_transactions t join payments p on p.id = t.payment_id, z
      where t.created_at >= (${from}::date::timestamp at time zone z.zone) and t.created_at < (${to}::date::timestamp at time zone z.zone)
      group by 1, 2, 3),
    booked as (
      select date_trunc('month', (b.starts_at at time zone z.zone))::date as m, b.currency, b.provider_id, count(*) filter (where b.status = 'no_show') as no_show, count(*) as n
      from bookings b, z
      where b.starts_at >= (${from}::date::timestamp at time zone z.zone) and b.starts_at < (${to}::date::timestamp at time zone z.zone)
      group by 1, 2, 3)
    select l.currency, sum(l.gross)::bigint as gross, coalesce(sum(l.refunds), 0)::bigint as refunds, (select sum(n) from booked) as bookings
    from ledger l group by l.currency`;
  const ms = performance.now() - t0;
  return { ms, totals: Object.fromEntries(rows.map((r) => [r.currency as string, { gross: Number(r.gross), refunds: Number(r.refunds) }])) };
}

async function measure(base: string, sql: Sql, cookie: string): Promise<Map<string, { p50: number; p95: number }>> {
  const out = new Map<string, { p50: number; p95: number }>();
  for (const c of CASES) {
    const { from, to } = await range(sql, c.days);
    const url = `${base}/api/v1/reports/summary?from=${from}&to=${to}&interval=${c.interval}`;
    let body: { totals: Totals } | undefined;
    for (let i = 0; i < WARM_UP; i++) body = (await time(url, cookie)).body;
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) ms.push((await time(url, cookie)).ms);
    ms.sort((a, b) => a - b);
    out.set(c.label, { p50: percentile(ms, 50), p95: percentile(ms, 95) });
    // What is timed is the right answer: the money is the ledger's.
    const want = (await fromLedger(sql, from, to)).totals;
    for (const t of body?.totals ?? []) {
      const w = want[t.currency] ?? { gross: 0, refunds: 0 };
      if (t.gross !== w.gross || t.refunds !== w.refunds) throw new Error(`${c.label}: ${t.currency} answered ${t.gross}/${t.refunds}, the ledger says ${w.gross}/${w.refunds}`);
    }
  }
  return out;
}

const failures = await withBenchStack(async ({ base, sql }) => {
  const cookie = await signInCookie(base, 'admin@wellbook.test', DEMO_PASSWORD);
  const who = await people(sql);
  const smallClasses = Math.ceil(SMALL / SEATS);
  const largeClasses = Math.ceil(LARGE / SEATS);

  let t0 = performance.now();
  await seed(sql, who, 0, smallClasses);
  console.log(`reports benchmark: ${(smallClasses * SEATS).toLocaleString('en')} paid bookings inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const small = await measure(base, sql, cookie);
  const { from, to } = await range(sql, SPAN_DAYS + 1);
  const smallDirect = await fromLedger(sql, from, to);

  t0 = performance.now();
  await seed(sql, who, smallClasses, largeClasses);
  const [counts] = await sql`select (select count(*) from payments)::int as payments, (select count(*) from payment_transactions)::int as ledger,
                                    (select count(*) from bookings)::int as bookings, (select count(*) from report_daily)::int as rollup`;
  console.log(
    `then up to ${(largeClasses * SEATS).toLocaleString('en')} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts?.payments.toLocaleString('en')} payments, ` +
      `${counts?.ledger.toLocaleString('en')} ledger rows, ${counts?.bookings.toLocaleString('en')} bookings, ${counts?.rollup.toLocaleString('en')} rollup rows; ` +
      `${REQUESTS} sequential requests per range after ${WARM_UP} warm-up, session cookie, one next start process\n`,
  );
  const large = await measure(base, sql, cookie);
  await fromLedger(sql, from, to);
  const largeDirect = await fromLedger(sql, from, to);

  const bad: string[] = [];
  const sizes = `${(smallClasses * SEATS).toLocaleString('en')} / ${(largeClasses * SEATS).toLocaleString('en')}`;
  console.log(`GET /api/v1/reports/summary            p50 (p95) ms at ${sizes}          ratio p50   floors`);
  for (const c of CASES) {
    const s = small.get(c.label) ?? { p50: 0, p95: 0 };
    const l = large.get(c.label) ?? { p50: 0, p95: 0 };
    const ratio = l.p50 / s.p50;
    const under = l.p50 < FLOOR_MS;
    const within = ratio <= AIM_RATIO;
    console.log(
      `  ${c.label.padEnd(20)} ${`${s.p50.toFixed(1)} (${s.p95.toFixed(1)})`.padStart(16)}   ${`${l.p50.toFixed(1)} (${l.p95.toFixed(1)})`.padStart(16)}   ${ratio.toFixed(2).padStart(6)}x   ` +
        `< ${FLOOR_MS} ms: ${under ? 'ok' : 'MISSED'}; within ${AIM_RATIO}x: ${within ? 'ok' : 'MISSED'}`,
    );
    if (!under) bad.push(`${c.label}: p50 ${l.p50.toFixed(1)} ms at 1M`);
    if (!within) bad.push(`${c.label}: ratio ${ratio.toFixed(2)}x`);
  }
  console.log(
    `\nwithout the rollup (the ledger joined to payments, and bookings, grouped by month, straight SQL): 2 years ${smallDirect.ms.toFixed(1)} ms at the small size, ` +
      `${largeDirect.ms.toFixed(1)} ms at the large (${(largeDirect.ms / smallDirect.ms).toFixed(1)}x)`,
  );
  return bad;
});

if (failures.length) {
  console.error(`Missed: ${failures.join('; ')}`);
  process.exit(1);
}
