/**
 * Crashes with real processes, on a stack of this file's own (the shared one
 * must keep running for the other files): an app server killed with SIGKILL
 * between the PaymentIntent and its webhook, and PostgreSQL stopped for ten
 * seconds under the same app process and worker.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let sql: postgres.Sql;

beforeAll(async () => {
  // The shared stack's DATABASE_URL would make this stack use that server, which must not be stopped.
  const shared = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    // Webhook retries 1 s, 2 s, 4 s... (8 attempts): a restarted app is up well within them.
    stack = await startStack({ seed: true, servers: 1, worker: true, restartablePg: true, webhookRetryBaseMs: 1_000, webhookMaxAttempts: 8 });
  } finally {
    process.env.DATABASE_URL = shared;
  }
  sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
}, 180_000);

afterAll(async () => {
  await sql?.end({ timeout: 1 }).catch(() => undefined);
  await stack?.stop();
}, 60_000);

const app = () => stack.appUrls[0]!;

async function call<T = Record<string, unknown>>(path: string, options: { json?: unknown; token?: string; method?: string } = {}): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(`${app()}${path}`, {
    method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
    headers: { ...(options.json === undefined ? {} : { 'content-type': 'application/json' }), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T, text };
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

/** A seeded demo client's bearer token (its questionnaire is valid), over the app's own sign-in. */
async function signIn(email: string): Promise<string> {
  const res = await call<{ token: string }>('/api/v1/auth/token', { json: { email, password: 'demo-password' } });
  expect(res.status).toBe(201);
  return res.body.token;
}

/** A priced class three days ahead, taught by the seeded provider Maya (written straight to the database; booking is what is tested). */
async function pricedClass(price: number): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into classes (provider_id, title, starts_at, duration_minutes, capacity, seats_taken, price_amount, currency, fee_bps, location)
    select id, 'Crash test class', now() + interval '72 hours', 60, 10, 0, ${price}, 'gbp', 1500, 'Studio C' from users where email = 'maya@wellbook.test'
    returning id`;
  return row!.id;
}

type BookingBody = { booking: { id: string; status: string; payment_status: string }; payment: { payment_intent_id: string } | null };

describe('an app server killed between the PaymentIntent and its webhook', () => {
  it('after the restart the retried webhook confirms the booking, with one payment and one ledger entry', async () => {
    const token = await signIn('alice@wellbook.test');
    const classId = await pricedClass(2600);
    const booked = await call<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token });
    expect(booked.status).toBe(201);
    expect(booked.body.booking.status).toBe('pending_payment');
    const bookingId = booked.body.booking.id;
    const pi = booked.body.payment!.payment_intent_id;

    await stack.killApp(0, 'SIGKILL');
    // The client pays while the app is down: Stripe (the emulator) confirms and cannot deliver the webhook.
    const confirmed = await fetch(`${stack.stripe.url}/v1/payment_intents/${pi}/confirm`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_integration', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payment_method=pm_card_visa',
    });
    expect(confirmed.status).toBe(200);
    type Delivery = { event_id: string; event_type: string; status: string; attempts: { status: number | null }[] };
    const deliveries = async () =>
      ((await (await fetch(`${stack.stripe.url}/_emulator/deliveries?type=payment_intent.succeeded`)).json()) as { data: Delivery[] }).data;
    const failedFirst = await waitFor(deliveries, (ds) => ds.some((d) => d.attempts.length > 0), 10_000, 'a first webhook attempt');
    expect(failedFirst.flatMap((d) => d.attempts).every((a) => a.status === null || a.status >= 500)).toBe(true);
    const [stillPending] = await sql`select status from bookings where id = ${bookingId}`;
    expect(stillPending?.status).toBe('pending_payment');

    await stack.restartApp(0);
    const booking = await waitFor(
      async () => (await call<BookingBody>(`/api/v1/bookings/${bookingId}`, { token })).body.booking,
      (b) => b.status === 'confirmed',
      30_000,
      'the booking confirmed by the retried webhook',
    );
    expect(booking.payment_status).toBe('paid');
    const delivered = await deliveries();
    const ours = delivered.filter((d) => d.status === 'succeeded');
    expect(ours).toHaveLength(1);

    const payments = await sql`select id, status from payments where payable_id = ${bookingId}`;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ id: pi, status: 'succeeded' });
    // A second copy of the event (Stripe sends at least once) changes nothing.
    const eventId = ours[0]!.event_id;
    const resent = await fetch(`${stack.stripe.url}/_emulator/events/${eventId}/resend`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(resent.ok).toBe(true);
    await waitFor(deliveries, (ds) => ds.filter((d) => d.event_id === eventId && d.status === 'succeeded').length === 2, 10_000, 'the resent event delivered');
    expect(await sql`select type, gross from payment_transactions where payment_id = ${pi}`).toEqual([{ type: 'single', gross: 2600 }]);
    const [seats] = await sql`select seats_taken from classes where id = ${classId}`;
    expect(seats?.seats_taken).toBe(1);
  }, 90_000);
});

describe('PostgreSQL stopped for ten seconds under a running app', () => {
  it('answers in the error shape while it is down, and the same process serves again once it is back, with nothing half-written', async () => {
    const token = await signIn('ben@wellbook.test');
    const classId = await pricedClass(1500);
    const pid = stack.appPids[0];
    // The worker must be running (not still loading) when the database goes: then it has to ride the outage out.
    await waitFor(async () => readFileSync(stack.logFile, 'utf8'), (log) => log.includes('[worker] running'), 60_000, 'the worker running');
    const workerPid = readFileSync(stack.workerPidFile, 'utf8');
    expect((await call('/api/health')).status).toBe(200);

    await stack.pg!.stop();
    const downUntil = Date.now() + 10_000;
    const outage: { path: string; status: number; text: string; ms: number }[] = [];
    try {
      while (Date.now() < downUntil) {
        for (const [path, options] of [
          ['/api/health', {}],
          ['/api/v1/bookings', { token }],
          ['/api/v1/bookings', { token, json: { class_id: classId } }],
        ] as const) {
          const started = Date.now();
          const res = await call(path, options).catch((err: unknown) => ({ status: 0, text: String(err) }));
          outage.push({ path, status: res.status, text: res.text, ms: Date.now() - started });
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await stack.pg!.start();
    }

    expect(outage.length).toBeGreaterThan(6);
    // Refused at once, not left hanging on the pool's reconnection delay.
    expect(outage.filter((res) => res.ms > 5_000)).toEqual([]);
    for (const res of outage) {
      if (res.path === '/api/health') {
        expect(res).toMatchObject({ status: 503 });
        expect(JSON.parse(res.text)).toEqual({ status: 'degraded', db: 'down' });
        continue;
      }
      // A 503 in the API's error shape (the caller may retry), and no word of the cause.
      expect(res.status, res.text).toBe(503);
      const body = JSON.parse(res.text) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('service_unavailable');
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|password|stack|at \w+ \(/i);
    }

    // The same app process recovers, within seconds: its pool reconnects without a restart.
    await waitFor(() => call('/api/health'), (r) => r.status === 200, 5_000, 'a healthy app after the outage');
    expect(stack.appPids[0]).toBe(pid);
    expect((await call('/api/v1/bookings', { token })).status).toBe(200);
    // Nothing of the refused bookings was written; the next one goes through once.
    expect(await sql`select id from bookings where class_id = ${classId}`).toHaveLength(0);
    const booked = await call<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token });
    expect(booked.status).toBe(201);
    const [counts] = await sql<{ bookings: number; seats: number; payments: number }[]>`
      select (select count(*)::int from bookings where class_id = ${classId}) as bookings,
             (select seats_taken from classes where id = ${classId}) as seats,
             (select count(*)::int from payments where payable_id = ${booked.body.booking.id}) as payments`;
    expect(counts).toEqual({ bookings: 1, seats: 1, payments: 1 });

    // The worker (pg-boss and its sweeps) rode the outage out: the same process still runs and still works jobs.
    expect(readFileSync(stack.workerPidFile, 'utf8')).toBe(workerPid);
    expect(() => process.kill(Number(workerPid), 0)).not.toThrow();
    const boss = new PgBoss({ connectionString: stack.databaseUrl, max: 1, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const jobId = await boss.send('deliver-mail', { messageId: randomUUID() });
    await boss.stop({ graceful: false });
    await waitFor(
      async () => (await sql<{ state: string }[]>`select state from pgboss.job where id = ${jobId}`)[0]?.state,
      (state) => state === 'completed',
      20_000,
      'a job sent after the outage worked by the same worker',
    );
    const log = readFileSync(stack.logFile, 'utf8');
    expect(log).not.toMatch(/Unhandled|uncaughtException/);
  }, 90_000);
});
