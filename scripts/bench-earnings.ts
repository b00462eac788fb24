/**
 * Earnings pages at scale: two providers of a fresh database, one with
 * BENCH_SMALL_LINES (1,000) earning lines and one with BENCH_LARGE_LINES
 * (100,000), each line a paid 1:1 booking with its payments row, the older
 * ones delivered and most of those paid out, the newest still pending; the
 * append-only entries of each move and the running totals written with them
 * (totals = the sum of the entries). Signs in as each provider (the session
 * cookie, as a browser) and times GET /api/v1/earnings and GET
 * /api/v1/earnings/lines?page=1&page_size=25, BENCH_REQUESTS (50) sequential
 * requests each after a warm-up, the two providers in turns. Prints p50/p95 per size and the ratio of the
 * large provider's p50 to the small one's beside the aim (within 2x); exits
 * non-zero when a ratio is above it. Needs a build (`npm run build`).
 */
import { DEMO_PASSWORD } from '../db/seed';
import { withBenchStack, type BenchContext } from './lib/bench-stack';
import { signInCookie } from './lib/sign-in';

const SMALL = Number(process.env.BENCH_SMALL_LINES || 1_000);
const LARGE = Number(process.env.BENCH_LARGE_LINES || 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 50);
const WARM_UP = 5;
const AIM = 2;

// Each line: a 45-minute session paid 2500 at a 15% fee. The newest tenth is still to come (pending);
// of the delivered ones, the oldest two thirds are paid out, a hundred lines a payout.
const PRICE = 2500;
const FEE = 375;
const NET = PRICE - FEE;
const LINES_PER_PAYOUT = 100;

const ENDPOINTS = ['/api/v1/earnings', '/api/v1/earnings/lines?page=1&page_size=25'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

interface Provider {
  label: string;
  email: string;
  lines: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * A provider who signs in with the demo password, and `n` lines of earnings: bookings, payments,
 * payouts, lines, entries and totals, each by one INSERT ... SELECT over generate_series.
 */
async function insertProvider(sql: BenchContext['sql'], p: Provider, clientId: string): Promise<void> {
  const n = p.lines;
  const pending = Math.max(1, Math.round(n / 10));
  const delivered = n - pending;
  const paidOut = Math.floor((delivered * 2) / 3);
  const payouts = Math.ceil(paidOut / LINES_PER_PAYOUT);
  const tag = p.label;
  const [user] = await sql`
    insert into users (email, name, password_hash, role)
    select ${p.email}, ${`Bench ${tag}`}, password_hash, 'provider' from users where email = 'maya@wellbook.test'
    returning id`;
  const providerId = user?.id as string;
  await sql`insert into provider_profiles (user_id, headline) values (${providerId}, 'Bench provider')`;
  const [type] = await sql`
    insert into session_types (provider_id, name, duration_minutes, price_amount, currency, fee_bps)
    values (${providerId}, 'Bench session', 45, ${PRICE}, 'gbp', 1500) returning id`;
  // Session g starts g - delivered hours from now: the delivered ones in the past, the pending ones ahead, an hour apart.
  await sql`
    insert into bookings (kind, client_id, provider_id, session_type_id, starts_at, ends_at, blocked_range, status, payment_status, payment_type,
                          price_amount, amount_due, currency, fee_bps, fee_amount, payment_ref, created_at, updated_at)
    select 'session', ${clientId}, ${providerId}, ${type?.id as string}, s, s + interval '45 minutes', tstzrange(s, s + interval '45 minutes'),
           (case when g > ${delivered} then 'confirmed' else 'completed' end)::booking_status, 'paid', 'single',
           ${PRICE}, ${PRICE}, 'gbp', 1500, ${FEE}, 'pi_bench_' || ${tag} || '_' || g, s - interval '1 day', s - interval '1 day'
    from generate_series(1, ${n}) g, lateral (select date_trunc('hour', now()) + (g - ${delivered}) * interval '1 hour' as s) t`;
  await sql`
    insert into payments (id, payable_type, payable_id, user_id, provider_id, amount, currency, status, fee_bps, fee_amount, provider_amount,
                          charge_id, card_brand, card_last4, succeeded_at, created_at, updated_at)
    select b.payment_ref, 'booking', b.id, b.client_id, b.provider_id, ${PRICE}, 'gbp', 'succeeded', 1500, ${FEE}, ${NET},
           'ch' || substr(b.payment_ref, 3), 'visa', '4242', b.created_at, b.created_at, b.created_at
    from bookings b where b.provider_id = ${providerId}`;
  await sql`
    insert into payouts (id, provider_id, currency, amount, method, status, reference, paid_at, created_at, updated_at)
    select md5('bench-payout-' || ${tag} || '-' || k)::uuid, ${providerId}, 'gbp', ${NET} * least(${LINES_PER_PAYOUT}, ${paidOut} - (k - 1) * ${LINES_PER_PAYOUT}),
           'manual', 'paid', 'BENCH-' || k, now(), now(), now()
    from generate_series(1, ${payouts}) k`;
  // Line g is booking g (its payment_ref names g).
  await sql`
    insert into earning_lines (provider_id, kind, booking_id, paid_booking_id, payment_id, currency, state, paid_gross, paid_fee, paid_net, gross, fee, net,
                               delivered_at, payout_id, created_at, updated_at)
    select b.provider_id, 'earning', b.id, b.id, b.payment_ref, 'gbp',
           (case when t.g > ${delivered} then 'pending' when t.g <= ${paidOut} then 'paid_out' else 'available' end)::earning_state,
           ${PRICE}, ${FEE}, ${NET}, ${PRICE}, ${FEE}, ${NET},
           case when t.g <= ${delivered} then b.ends_at end,
           case when t.g <= ${paidOut} then md5('bench-payout-' || ${tag} || '-' || ((t.g - 1) / ${LINES_PER_PAYOUT} + 1))::uuid end,
           b.created_at, b.created_at
    from bookings b, lateral (select split_part(b.payment_ref, '_', 4)::int as g) t
    where b.provider_id = ${providerId}`;
  // The entries of each line's moves, keyed as lib/earnings keys them: paid (pending +net); delivered (pending -net, available +net); paid out (available -net, paid_out +net).
  await sql`
    insert into earning_entries (line_id, provider_id, currency, state, cause, cause_key, amount, created_at)
    select l.id, l.provider_id, l.currency, e.state::earning_state, e.cause::earning_cause, e.cause_key, e.amount, e.at
    from earning_lines l
    cross join lateral (values
      ('pending', 'payment', 'payment:' || l.payment_id, l.net, l.created_at, true),
      ('pending', 'delivery', 'delivery', -l.net, l.delivered_at, l.delivered_at is not null),
      ('available', 'delivery', 'delivery', l.net, l.delivered_at, l.delivered_at is not null),
      ('available', 'payout', 'payout:' || l.payout_id, -l.net, l.delivered_at, l.payout_id is not null),
      ('paid_out', 'payout', 'payout:' || l.payout_id, l.net, l.delivered_at, l.payout_id is not null)
    ) as e(state, cause, cause_key, amount, at, applies)
    where l.provider_id = ${providerId} and e.applies`;
  await sql`
    insert into earning_totals (provider_id, currency, state, amount, lines)
    select e.provider_id, e.currency, e.state, sum(e.amount)::int,
           (select count(*)::int from earning_lines l where l.provider_id = e.provider_id and l.currency = e.currency and l.state = e.state)
    from earning_entries e where e.provider_id = ${providerId} group by e.provider_id, e.currency, e.state`;
}

/** The totals as GET /api/v1/earnings must answer them, from the lines themselves. */
async function expectedTotals(sql: BenchContext['sql'], email: string): Promise<Record<string, number>> {
  const rows = await sql`
    select l.state::text as state, sum(l.net)::int as net from earning_lines l join users u on u.id = l.provider_id
    where u.email = ${email} group by l.state`;
  return Object.fromEntries(rows.map((r) => [r.state as string, r.net as number]));
}

async function time(base: string, path: Endpoint, cookie: string): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as unknown };
}

/**
 * One endpoint for every provider: warmed up for each, then timed in turns (one request per provider a round),
 * so neither size is measured while the server is colder or busier than for the other.
 */
async function measure(base: string, path: Endpoint, cookies: string[]): Promise<{ p50: number; p95: number; body: unknown }[]> {
  const bodies: unknown[] = [];
  for (const cookie of cookies) for (let i = 0; i < WARM_UP; i++) bodies[cookies.indexOf(cookie)] = (await time(base, path, cookie)).body;
  const latencies: number[][] = cookies.map(() => []);
  for (let i = 0; i < REQUESTS; i++) {
    for (const [k, cookie] of cookies.entries()) latencies[k]?.push((await time(base, path, cookie)).ms);
  }
  return latencies.map((l, k) => {
    l.sort((x, y) => x - y);
    return { p50: percentile(l, 50), p95: percentile(l, 95), body: bodies[k] };
  });
}

const providers: Provider[] = [
  { label: 'small', email: 'bench-earnings-small@example.test', lines: SMALL },
  { label: 'large', email: 'bench-earnings-large@example.test', lines: LARGE },
];

const failures = await withBenchStack(async ({ base, sql }) => {
  const started = performance.now();
  const [client] = await sql`insert into users (email, name, password_hash, role) values ('bench-earnings-client@example.test', 'Bench Client', 'not-a-login', 'client') returning id`;
  for (const p of providers) await insertProvider(sql, p, client?.id as string);
  await sql`analyze`;
  console.log(
    `earnings benchmark: ${providers.map((p) => `${p.lines.toLocaleString('en')} lines`).join(' and ')} inserted in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${REQUESTS} sequential requests per endpoint and provider, in turns, after ${WARM_UP} warm-up each; session cookie, one next start process\n`,
  );

  const results = new Map<string, { p50: number; p95: number }>();
  const cookies = await Promise.all(providers.map((p) => signInCookie(base, p.email, DEMO_PASSWORD)));
  for (const path of ENDPOINTS) {
    const measured = await measure(base, path, cookies);
    for (const [k, p] of providers.entries()) {
      const r = measured[k] ?? { p50: 0, p95: 0, body: null };
      results.set(`${p.label} ${path}`, r);
      // What is timed is the right answer: the totals add up, the first page is full and counts every line.
      const body = r.body as { available?: { amount: number }; paid_out?: { amount: number }; pending?: { amount: number }; lines?: unknown[]; total?: number };
      if (path === '/api/v1/earnings') {
        const expected = await expectedTotals(sql, p.email);
        const got = { pending: body.pending?.amount, available: body.available?.amount, paid_out: body.paid_out?.amount };
        const want = { pending: expected.pending ?? 0, available: expected.available ?? 0, paid_out: expected.paid_out ?? 0 };
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${p.label}: GET ${path} answered ${JSON.stringify(got)}, the lines say ${JSON.stringify(want)}`);
      } else if (body.lines?.length !== 25 || body.total !== p.lines) {
        throw new Error(`${p.label}: GET ${path} answered ${body.lines?.length} lines of ${body.total}, expected 25 of ${p.lines}`);
      }
    }
  }

  const bad: string[] = [];
  const [small, large] = providers as [Provider, Provider];
  for (const path of ENDPOINTS) {
    const s = results.get(`${small.label} ${path}`) ?? { p50: 0, p95: 0 };
    const l = results.get(`${large.label} ${path}`) ?? { p50: 0, p95: 0 };
    const ratio = l.p50 / s.p50;
    console.log(`GET ${path}`);
    for (const [p, r] of [[small, s], [large, l]] as const) {
      console.log(`  ${`${p.lines.toLocaleString('en')} lines`.padEnd(15)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`);
    }
    const verdict = ratio <= AIM ? 'ok' : 'ABOVE THE AIM';
    console.log(`  ratio ${large.lines.toLocaleString('en')}/${small.lines.toLocaleString('en')}: p50 ${ratio.toFixed(2)}x, p95 ${(l.p95 / s.p95).toFixed(2)}x   (aim: within ${AIM}x on p50) ${verdict}\n`);
    if (ratio > AIM) bad.push(`GET ${path}: p50 ratio ${ratio.toFixed(2)}x`);
  }
  return bad;
});

if (failures.length) {
  console.error(`Above the aim (within ${AIM}x): ${failures.join('; ')}`);
  process.exit(1);
}
