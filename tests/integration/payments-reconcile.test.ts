import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { payments } from '@/lib/flows/payments';
import {
  api,
  bookingOf,
  bookPricedClass,
  emulatorControl,
  emulatorStripe,
  insertPayment,
  insertUser,
  ledger,
  makeClient,
  makeProvider,
  paymentRow,
  testSql,
  type TestUser,
} from './fixtures';

// The in-process reconciliation reaches the stack's emulator (env() is read on first use, after this).
process.env.STRIPE_SECRET_KEY = 'sk_test_reconcile';
process.env.STRIPE_API_BASE = inject('stripeUrl');

describe('reconciliation of payments whose webhook was lost', () => {
  beforeAll(async () => {
    // Every event of the next payment waits two minutes: to the app, its webhook is lost.
    await emulatorControl('/chaos', { mode: 'delay', count: 20, delayMs: 120_000 });
  });
  afterAll(async () => {
    await emulatorControl('/chaos/clear', {});
  });

  it('finds the paid PaymentIntent, confirms the booking and writes one ledger entry', async () => {
    const { client, bookingId, payment } = await bookPricedClass(2500);
    const pi = payment.payment_intent_id;
    const confirmed = await emulatorStripe().paymentIntents.confirm(pi, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    // Nothing told the app.
    expect((await paymentRow(pi))?.status).not.toBe('succeeded');
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    const dry = await payments.reconcile({ olderThanMinutes: 0, update: false });
    expect(dry.changed).toContainEqual(expect.objectContaining({ id: pi, to: 'succeeded' }));
    expect((await paymentRow(pi))?.status).not.toBe('succeeded');

    const result = await payments.reconcile({ olderThanMinutes: 0, update: true });
    expect(result.checked).toBeGreaterThanOrEqual(1);
    expect(result.changed).toContainEqual(expect.objectContaining({ id: pi, to: 'succeeded', action: 'synced' }));
    const row = await paymentRow(pi);
    expect(row?.status).toBe('succeeded');
    expect(row?.card_last4).toBe('4242');
    expect((await bookingOf(bookingId, client.token)).status).toBe('confirmed');
    expect(await ledger(pi)).toHaveLength(1);

    // A second run finds nothing to do for it.
    const again = await payments.reconcile({ olderThanMinutes: 0, update: true });
    expect(again.changed.map((c) => c.id)).not.toContain(pi);
    expect(await ledger(pi)).toHaveLength(1);
  });

  it('cancels a PaymentIntent whose booking no longer wants paying', async () => {
    const { bookingId, payment } = await bookPricedClass(1800);
    const pi = payment.payment_intent_id;
    // The hold ran out while the webhook of its cancellation was lost.
    await testSql()`update bookings set status = 'expired', hold_expires_at = now() - interval '1 minute' where id = ${bookingId}`;
    const result = await payments.reconcile({ olderThanMinutes: 0, update: true });
    expect(result.changed).toContainEqual(expect.objectContaining({ id: pi, action: 'canceled', to: 'canceled' }));
    expect((await emulatorStripe().paymentIntents.retrieve(pi)).status).toBe('canceled');
    expect((await paymentRow(pi))?.status).toBe('canceled');
  });

  it('leaves young payments alone', async () => {
    const { payment } = await bookPricedClass(1200);
    const result = await payments.reconcile({ olderThanMinutes: 60, update: true });
    expect(result.changed.map((c) => c.id)).not.toContain(payment.payment_intent_id);
    expect((await paymentRow(payment.payment_intent_id))?.status).toBe('created');
  });
});

describe('GET /api/v1/payments is scoped by role', () => {
  const tag = `pi_scope${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let a: TestUser;
  let b: TestUser;
  let provider: TestUser;
  let admin: { token: string };

  /** A paid £25 booking payment by card, written straight to the database. */
  async function paidByCard(id: string, clientId: string, providerId: string, at: Date): Promise<void> {
    await insertPayment({ id, clientId, providerId, amount: 2500, status: 'succeeded', card: ['visa', '4242'], receiptUrl: 'https://pay.example.test/receipt', createdAt: at, succeededAt: at });
  }

  beforeAll(async () => {
    [a, b] = await Promise.all([makeClient(), makeClient()]);
    provider = await makeProvider();
    admin = await issueApiToken((await insertUser('admin', 'Test Admin')).id);
    const t = Date.now();
    await paidByCard(`${tag}_a1`, a.id, provider.id, new Date(t - 3_000));
    await paidByCard(`${tag}_a2`, a.id, provider.id, new Date(t - 1_000));
    await paidByCard(`${tag}_b1`, b.id, provider.id, new Date(t - 2_000));
  });

  type ListBody = { payments: { id: string; client: { id: string; email: string | null }; card: unknown; platform_fee: { amount: number; bps: number } }[]; total: number };

  it('a client sees only their own, newest first', async () => {
    const res = await api<ListBody>('/api/v1/payments', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.payments.map((p) => p.id)).toEqual([`${tag}_a2`, `${tag}_a1`]);
    expect(res.body.total).toBe(2);
    expect(res.body.payments[0]).toMatchObject({ client: { id: a.id }, platform_fee: { amount: 375, bps: 1500 }, card: { brand: 'visa', last4: '4242' } });
  });

  it("another client's payment is a 404, one's own has its refunds and ledger", async () => {
    expect((await api(`/api/v1/payments/${tag}_b1`, { token: a.token })).status).toBe(404);
    expect((await api(`/api/v1/payments/pi_does_not_exist`, { token: a.token })).status).toBe(404);
    const own = await api<{ payment: { id: string }; refunds: unknown[]; ledger: unknown[] }>(`/api/v1/payments/${tag}_a1`, { token: a.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ payment: { id: `${tag}_a1` }, refunds: [], ledger: [] });
  });

  it('an admin sees all, and finds them by Stripe id or e-mail', async () => {
    const byId = await api<ListBody>(`/api/v1/payments?search=${tag}&page_size=100`, { token: admin.token });
    expect(byId.status).toBe(200);
    expect(byId.body.payments.map((p) => p.id).sort()).toEqual([`${tag}_a1`, `${tag}_a2`, `${tag}_b1`]);
    const byEmail = await api<ListBody>(`/api/v1/payments?search=${encodeURIComponent(b.email)}`, { token: admin.token });
    expect(byEmail.body.payments.map((p) => p.id)).toEqual([`${tag}_b1`]);
    expect((await api(`/api/v1/payments/${tag}_b1`, { token: admin.token })).status).toBe(200);
  });

  it("a provider sees the payments they received, without the client's e-mail or card", async () => {
    const res = await api<ListBody>(`/api/v1/payments?page_size=100`, { token: provider.token });
    expect(res.status).toBe(200);
    expect(res.body.payments.map((p) => p.id).sort()).toEqual([`${tag}_a1`, `${tag}_a2`, `${tag}_b1`]);
    for (const p of res.body.payments) expect(p).toMatchObject({ client: { email: null }, card: null });
  });

  it('refuses bad queries and anonymous callers', async () => {
    expect((await api('/api/v1/payments?status=paid', { token: a.token })).status).toBe(400);
    expect((await api('/api/v1/payments?page_size=101', { token: a.token })).status).toBe(400);
    expect((await api('/api/v1/payments')).status).toBe(401);
  });
});
