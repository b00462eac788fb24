import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  adminToken,
  api,
  bookPricedClass,
  bookingOf,
  emulatorControl,
  emulatorStripe,
  payAndConfirm,
  paymentRow,
  testSql,
  waitFor,
} from './fixtures';

// The job's own code, called in this process too after the fact: it reaches the stack's emulator and database like the worker does.
process.env.STRIPE_SECRET_KEY = 'sk_test_integration';
process.env.STRIPE_API_BASE = inject('stripeUrl');
const { payments } = await import('@/lib/flows/payments');

type RefundOwed = { since: string; attempts: number; last_error: string | null; last_attempt_at: string | null } | null;
type PaymentBody = { payment: { id: string; status: string; refunded_amount: number; refund_owed: RefundOwed } };

async function owedAsAdmin(pi: string, token: string): Promise<RefundOwed> {
  const res = await api<PaymentBody>(`/api/v1/payments/${pi}`, { token });
  expect(res.status).toBe(200);
  return res.body.payment.refund_owed;
}

afterEach(async () => {
  // Injected failures a failing test left unused would fail the next file's Stripe calls: spend them here.
  for (let i = 0; i < 8; i++) {
    if (await emulatorStripe().balance.retrieve().then(() => true, () => false)) break;
  }
});

describe('a refund a cancellation owes, when the provider fails', () => {
  it('the cancellation stands, admins see the refund owed, and the worker refunds it once with backoff', async () => {
    const { client, bookingId, payment } = await bookPricedClass(3200);
    await payAndConfirm(bookingId, payment, client.token);
    const pi = payment.payment_intent_id;
    const admin = await adminToken();

    // Stripe answers 500 to the immediate refund (and the SDK's two retries), then to the job's first attempt.
    await emulatorControl('/fail-next', { mode: '500', count: 6 });
    const res = await api<{ booking: { status: string; refund_due: string; payment_status: string }; refund: unknown }>(`/api/v1/bookings/${bookingId}/cancel`, {
      json: { reason: 'Cannot come' },
      token: client.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ status: 'cancelled', refund_due: 'full', payment_status: 'paid' });
    expect(res.body.refund).toBeNull();

    // Owed, and tried again: the admin sees it with the attempts and the provider's error.
    const owed = await waitFor(() => owedAsAdmin(pi, admin), (o) => o !== null && o.attempts >= 2, 20_000);
    expect(owed).toMatchObject({ attempts: expect.any(Number), last_error: expect.stringContaining('unknown error') });
    const list = await api<{ payments: PaymentBody['payment'][] }>(`/api/v1/payments?search=${pi}`, { token: admin });
    expect(list.body.payments[0]).toMatchObject({ id: pi, refund_owed: { attempts: expect.any(Number) } });
    // The client sees the payment, not the admin's view of its refund.
    expect((await api<PaymentBody>(`/api/v1/payments/${pi}`, { token: client.token })).body.payment.refund_owed).toBeNull();
    expect(await bookingOf(bookingId, client.token)).toMatchObject({ status: 'cancelled', refund_due: 'full' });

    // The worker's backoff retry gets through: refunded in full, once.
    await waitFor(() => paymentRow(pi), (p) => p?.status === 'refunded', 45_000);
    const atStripe = await emulatorStripe().refunds.list({ payment_intent: pi });
    expect(atStripe.data).toHaveLength(1);
    expect(atStripe.data[0]).toMatchObject({ amount: 3200, status: 'succeeded' });
    expect(await testSql()`select amount, status from refunds where payment_id = ${pi}`).toEqual([{ amount: 3200, status: 'succeeded' }]);
    const [row] = await testSql()`select attempts, refund_id, settled_at from owed_refunds where payment_id = ${pi}`;
    expect(row).toMatchObject({ refund_id: atStripe.data[0]!.id, settled_at: expect.any(Date) });
    expect(row!.attempts).toBeGreaterThanOrEqual(3);
    expect(await owedAsAdmin(pi, admin)).toBeNull();
    expect(await bookingOf(bookingId, client.token)).toMatchObject({ status: 'cancelled', payment_status: 'refunded' });

    // Another run of the job (a duplicate, a redelivery) finds nothing owed and refunds nothing.
    expect(await payments.retryOwedRefund(pi)).toBe('none');
    expect((await emulatorStripe().refunds.list({ payment_intent: pi })).data).toHaveLength(1);
  });

  it('a cancelled class: the booking whose refund failed is owed and refunded later by the worker', async () => {
    const { client, classId, bookingId, payment } = await bookPricedClass(2100);
    await payAndConfirm(bookingId, payment, client.token);
    const pi = payment.payment_intent_id;
    const admin = await adminToken();

    await emulatorControl('/fail-next', { mode: '500', count: 3 });
    const res = await api<{ cancelled_bookings: number; refunds: number; credits_returned: number }>(`/api/v1/classes/${classId}/cancel`, { json: { reason: 'Teacher ill' }, token: admin });
    expect(res.status).toBe(200);
    // Cancelled, but not refunded at once: owed instead.
    expect(res.body).toEqual({ cancelled_bookings: 1, refunds: 0, credits_returned: 0 });
    expect(await bookingOf(bookingId, client.token)).toMatchObject({ status: 'cancelled', refund_due: 'full' });
    const [owed] = await testSql()`select attempts, last_error from owed_refunds where payment_id = ${pi}`;
    expect(owed).toMatchObject({ attempts: expect.any(Number), last_error: expect.stringContaining('unknown error') });

    await waitFor(() => paymentRow(pi), (p) => p?.status === 'refunded', 30_000);
    expect((await emulatorStripe().refunds.list({ payment_intent: pi })).data).toHaveLength(1);
    expect(await owedAsAdmin(pi, admin)).toBeNull();
  });
});
