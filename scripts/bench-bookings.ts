/**
 * Booking throughput: 32 concurrent clients for BENCH_SECONDS (10) per phase
 * against the production build (run `npm run build` first) on a fresh
 * database: GET /api/health as the baseline, POST /api/v1/bookings on a
 * class with ample capacity (each client books, then cancels to book again;
 * only the bookings are timed), and POST /api/v1/bookings on a full class
 * (every answer a 409). Prints requests/s, p50/p99 and ratios to health.
 */
import { randomUUID } from 'node:crypto';
import { withBenchStack } from './lib/bench-stack';
import { registerClient } from './lib/sign-in';

const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

interface Phase {
  name: string;
  requests: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(name: string, worker: (i: number, record: (ms: number, ok: boolean) => void) => Promise<void>): Promise<Phase> {
  const phase: Phase = { name, requests: 0, errors: 0, latencies: [], seconds: SECONDS };
  const deadline = Date.now() + SECONDS * 1000;
  const record = (ms: number, ok: boolean) => {
    phase.requests++;
    if (!ok) phase.errors++;
    phase.latencies.push(ms);
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      while (Date.now() < deadline) await worker(i, record);
    }),
  );
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; res: Response; body: unknown }> {
  const t0 = performance.now();
  const res = await fn();
  const body = await res.json().catch(() => null);
  return { ms: performance.now() - t0, res, body };
}

await withBenchStack(async ({ base, sql }) => {
  // Clients are made over HTTP, as the app makes them: the bench loads none of the app's server modules.
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) tokens.push((await registerClient(base, `bench-${randomUUID()}@example.test`)).token);
  const [maya] = await sql`select id from users where email = 'maya@wellbook.test'`;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const [ample] = await sql`insert into classes (provider_id, title, starts_at, duration_minutes, capacity, price_amount, currency, fee_bps, location)
    values (${maya?.id as string}, 'Bench ample', ${startsAt}, 60, 1000, 0, 'gbp', 1500, 'Bench') returning id`;
  const [full] = await sql`insert into classes (provider_id, title, starts_at, duration_minutes, capacity, seats_taken, price_amount, currency, fee_bps, location)
    values (${maya?.id as string}, 'Bench full', ${startsAt}, 60, 1, 1, 0, 'gbp', 1500, 'Bench') returning id`;
  const headers = (i: number) => ({ authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' });

  const health = await run('GET /api/health', async (_i, record) => {
    const { ms, res } = await timed(() => fetch(`${base}/api/health`));
    record(ms, res.status === 200);
  });
  const ampleRun = await run('POST /api/v1/bookings (ample capacity)', async (i, record) => {
    const { ms, res, body } = await timed(() => fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: headers(i), body: JSON.stringify({ class_id: ample?.id }) }));
    record(ms, res.status === 201);
    const id = (body as { booking?: { id: string } } | null)?.booking?.id;
    if (id) await fetch(`${base}/api/v1/bookings/${id}/cancel`, { method: 'POST', headers: headers(i), body: JSON.stringify({ reason: 'bench' }) }).then((r) => r.text());
  });
  const fullRun = await run('POST /api/v1/bookings (full class, 409)', async (i, record) => {
    const { ms, res } = await timed(() => fetch(`${base}/api/v1/bookings`, { method: 'POST', headers: headers(i), body: JSON.stringify({ class_id: full?.id }) }));
    record(ms, res.status === 409);
  });

  const rate = (p: Phase) => p.requests / p.seconds;
  console.log(`\nbooking benchmark: ${CLIENTS} concurrent clients, ${SECONDS} s per phase, one next start process, 2 cores\n`);
  for (const p of [health, ampleRun, fullRun]) {
    console.log(
      `${p.name.padEnd(42)} ${rate(p).toFixed(0).padStart(6)} req/s   p50 ${percentile(p.latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(p.latencies, 99).toFixed(1).padStart(6)} ms   errors ${p.errors}`,
    );
  }
  console.log('');
  for (const p of [ampleRun, fullRun]) {
    console.log(
      `${p.name.padEnd(42)} throughput ${(rate(p) / rate(health)).toFixed(2)}x health, p50 ${(percentile(p.latencies, 50) / percentile(health.latencies, 50)).toFixed(1)}x, p99 ${(percentile(p.latencies, 99) / percentile(health.latencies, 99)).toFixed(1)}x`,
    );
  }
  const [check] = await sql`select seats_taken, capacity from classes where id = ${full?.id as string}`;
  console.log(`\nfull class afterwards: ${check?.seats_taken}/${check?.capacity} seats (never oversold)`);
});
