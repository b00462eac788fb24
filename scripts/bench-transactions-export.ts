/**
 * Transactions CSV export: speed and memory. Puts 100,000 ledger rows in a
 * fresh database (one INSERT ... SELECT generate_series), signs in as the
 * seeded admin, and downloads GET /api/v1/reports/transactions.csv with the
 * session cookie, first for a range of 10,000 rows, then for all 100,000,
 * while reading the `next start` process's RSS (/proc/<pid>/status) every
 * 50 ms. Prints rows, bytes (of the CSV; the server gzips it on the wire),
 * time, rows/s, the server's RSS before and at its peak, and the ratio of
 * the two peaks. It does so twice: with Node's default heap, and with old
 * space capped, where the ratio shows what the export itself keeps (near 1).
 * Needs a build (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '../db/seed';
import { withBenchStack, type BenchContext } from './lib/bench-stack';
import { signInCookie } from './lib/sign-in';

const TOTAL_ROWS = Number(process.env.BENCH_ROWS || 100_000);
const SMALL_ROWS = Math.round(TOTAL_ROWS / 10);
const PAYMENTS = 1000;
// Row g is created at T0 + g minutes, so the first n rows are the range [T0, T0 + n + 1 minutes).
const T0 = Date.parse('2020-01-01T00:00:00Z');
const MINUTE_MS = 60_000;
const SAMPLE_MS = 50;
const CAPPED_HEAP_MB = 96;

interface Run {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeKb: number;
  rssPeakKb: number;
  encoding: string;
}

/** Resident memory of a process, from the kernel. */
function rssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Downloads the first `rows` rows' range, counting bytes and lines as they arrive, never holding the file. */
async function download(label: string, base: string, cookie: string, pid: number, rows: number): Promise<Run> {
  const query = new URLSearchParams({ from: new Date(T0).toISOString(), to: new Date(T0 + (rows + 1) * MINUTE_MS).toISOString() });
  const rssBeforeKb = rssKb(pid);
  let rssPeakKb = rssBeforeKb;
  const sampler = setInterval(() => {
    rssPeakKb = Math.max(rssPeakKb, rssKb(pid));
  }, SAMPLE_MS);
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/v1/reports/transactions.csv?${query.toString()}`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    const reader = res.body.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    rssPeakKb = Math.max(rssPeakKb, rssKb(pid));
    // No field of the bench data holds a line break: every line after the header is a row.
    return { label, rows: lines - 1, bytes, seconds, rssBeforeKb, rssPeakKb, encoding: res.headers.get('content-encoding') ?? 'identity' };
  } finally {
    clearInterval(sampler);
  }
}

const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

async function insertLedger(sql: BenchContext['sql']): Promise<number> {
  const started = performance.now();
  const [maya] = await sql`select id from users where email = 'maya@wellbook.test'`;
  await sql`
    insert into users (email, name, password_hash, role)
    select 'bench-' || g || '@example.test', 'Bench Client ' || g || ', "the ' || g || 'th"', 'not-a-login', 'client'
    from generate_series(0, 9) g`;
  await sql`
    insert into payments (id, payable_type, payable_id, user_id, provider_id, amount, currency, status, fee_bps, fee_amount, provider_amount,
                          refunded_amount, card_brand, card_last4, succeeded_at)
    select 'pi_bench_' || g, 'booking', gen_random_uuid(), (select id from users where email = 'bench-' || (g % 10) || '@example.test'),
           ${maya?.id as string}, 2500, 'gbp', 'succeeded', 1500, 375, 2125, 0, 'visa', '4242', now()
    from generate_series(1, ${PAYMENTS}) g`;
  await sql`
    insert into payment_transactions (payment_id, type, stripe_object_id, gross, fee, net, currency, metadata, created_at)
    select 'pi_bench_' || (1 + g % ${PAYMENTS}),
           case when g % 10 = 0 then 'refund' else 'single' end::ledger_type,
           case when g % 10 = 0 then 're_bench_' else 'ch_bench_' end || g,
           case when g % 10 = 0 then -500 else 2500 end,
           case when g % 10 = 0 then -75 else 375 end,
           case when g % 10 = 0 then -425 else 2125 end,
           'gbp',
           jsonb_build_object('payment_intent', 'pi_bench_' || (1 + g % ${PAYMENTS})),
           ${new Date(T0).toISOString()}::timestamptz + g * interval '1 minute'
    from generate_series(1, ${TOTAL_ROWS}) g`;
  await sql`analyze payment_transactions`;
  return (performance.now() - started) / 1000;
}

/** A fresh stack (its server started with `nodeArgs`), the data, a warm-up, then the small and the large export. */
async function measure(title: string, nodeArgs: string[]): Promise<void> {
  const [small, large] = await withBenchStack(
    async ({ stack, base, sql }) => {
      const pid = stack.appPids[0] ?? 0;
      const insertSeconds = await insertLedger(sql);
      const cookie = await signInCookie(base, 'admin@wellbook.test', DEMO_PASSWORD);
      console.log(`\n${title} (next start pid ${pid}${nodeArgs.length ? `, node ${nodeArgs.join(' ')}` : ''})`);
      console.log(`  set-up: ${TOTAL_ROWS.toLocaleString('en')} ledger rows over ${PAYMENTS} payments inserted in ${insertSeconds.toFixed(1)} s`);
      const children = childPids(pid);
      if (children.length > 0) console.log(`  note: the server has child processes (${children.join(', ')}); only its own RSS is sampled`);
      // The first request loads the route's code; it is not measured.
      await download('warm-up', base, cookie, pid, 100);
      return [await download(`${SMALL_ROWS.toLocaleString('en')} rows`, base, cookie, pid, SMALL_ROWS), await download(`${TOTAL_ROWS.toLocaleString('en')} rows`, base, cookie, pid, TOTAL_ROWS)];
    },
    { nodeArgs },
  );
  for (const [run, expected] of [[small, SMALL_ROWS], [large, TOTAL_ROWS]] as const) {
    if (run.rows !== expected) throw new Error(`${run.label}: got ${run.rows} rows`);
    console.log(
      `  ${run.label.padEnd(14)} ${(run.bytes / 1_048_576).toFixed(1).padStart(6)} MB  ${run.seconds.toFixed(2).padStart(6)} s  ` +
        `${Math.round(run.rows / run.seconds).toLocaleString('en').padStart(8)} rows/s  ` +
        `server RSS before ${mb(run.rssBeforeKb)}, peak ${mb(run.rssPeakKb)}, peak/before ${(run.rssPeakKb / run.rssBeforeKb).toFixed(2)}  (${run.encoding})`,
    );
  }
  console.log(`  peak RSS, ${large.label} / ${small.label}: ${(large.rssPeakKb / small.rssPeakKb).toFixed(2)}`);
}

console.log(`transactions CSV export, RSS of the server sampled every ${SAMPLE_MS} ms`);
await measure('default Node heap', []);
// V8 lets garbage pile up in old space until its next full collection, so a long download raises the peak
// even though nothing is kept. Capping old space makes it collect sooner: the large export then peaks where
// the small one did, so the extra RSS of the first run was garbage, not rows or file held.
await measure(`old space capped at ${CAPPED_HEAP_MB} MB`, [`--max-old-space-size=${CAPPED_HEAP_MB}`]);
