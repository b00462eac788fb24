import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { payments } from '@/lib/flows/payments';
import { adminToken, api, appUrls, bookingOf, creditsOfPurchase, expectErrorShape, makeClass, makeClient, testSql, tokenFor, waitFor, type TestUser } from './fixtures';

// The in-process reconciliation reaches the stack's Daraja emulator (env() is read on first use, after this).
process.env.MPESA_CONSUMER_KEY = 'wellbook-test-consumer-key';
process.env.MPESA_CONSUMER_SECRET = 'wellbook-test-consumer-secret';
process.env.MPESA_API_BASE = inject('mpesaUrl');
process.env.MPESA_CALLBACK_SECRET = inject('mpesaCallbackSecret');
process.env.MPESA_CALLBACK_BASE = appUrls()[0];
process.env.STRIPE_SECRET_KEY = 'sk_test_mpesa_reconcile';
process.env.STRIPE_API_BASE = inject('stripeUrl');

interface Prompt {
  checkout_request_id: string;
  state: 'pending' | 'succeeded' | 'failed';
  phone: string;
  amount: number;
  receipt: string | null;
}
interface MpesaPayment {
  id: string;
  provider: 'mpesa';
  checkout_request_id: string;
  status: string;
  amount: { amount: number; currency: string };
  phone: string;
}
interface BookingAnswer {
  booking: { id: string; status: string };
  payment: MpesaPayment | null;
}

async function daraja<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${inject('mpesaUrl')}/_emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

const prompts = async () => (await daraja<{ data: Prompt[] }>('/prompts')).data;
const promptOf = async (id: string) => (await prompts()).find((p) => p.checkout_request_id === id);

/** A phone the emulator leaves waiting for its page or the control API; distinct per test. */
let phoneSeq = 0;
const waitingPhone = () => `2547119${String(Date.now() % 10000).padStart(4, '0')}${phoneSeq++ % 10}`;

async function kesClass(price = 150_000): Promise<string> {
  return makeClass({ capacity: 10, price, currency: 'kes', title: 'Karura test class' });
}

async function bookWithMpesa(client: TestUser, phone: string, price?: number): Promise<{ bookingId: string; payment: MpesaPayment }> {
  const res = await api<BookingAnswer>('/api/v1/bookings', { json: { class_id: await kesClass(price), pay_with: 'mpesa', phone }, token: client.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.booking.status).toBe('pending_payment');
  expect(res.body.payment).toMatchObject({ provider: 'mpesa', status: 'pending', amount: { amount: price ?? 150_000, currency: 'kes' } });
  return { bookingId: res.body.booking.id, payment: res.body.payment as MpesaPayment };
}

async function paymentState(id: string) {
  const [row] = await testSql()`select status, mpesa_receipt, mpesa_phone, provider from payments where id = ${id}`;
  return row;
}
const ledgerOf = (paymentId: string) => testSql()`select type, stripe_object_id, gross, fee, net, currency from payment_transactions where payment_id = ${paymentId} order by id`;

function callbackBody(prompt: Prompt, overrides: { amount?: number; phone?: string; checkoutRequestId?: string } = {}) {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: 'test-merchant',
        CheckoutRequestID: overrides.checkoutRequestId ?? prompt.checkout_request_id,
        ResultCode: 0,
        ResultDesc: 'The service request is processed successfully.',
        CallbackMetadata: {
          Item: [
            { Name: 'Amount', Value: overrides.amount ?? prompt.amount },
            { Name: 'MpesaReceiptNumber', Value: prompt.receipt ?? 'TESTRECEIPT1' },
            { Name: 'TransactionDate', Value: 20261202101530 },
            { Name: 'PhoneNumber', Value: Number(overrides.phone ?? prompt.phone) },
          ],
        },
      },
    },
  };
}

async function postCallback(body: unknown, options: { server?: number; secret?: string } = {}) {
  const res = await fetch(`${appUrls()[options.server ?? 0]}/api/mpesa/callback/${options.secret ?? inject('mpesaCallbackSecret')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.status;
}

describe('M-Pesa STK Push payments', () => {
  let client: TestUser;
  beforeAll(async () => {
    client = await makeClient();
  });
  afterAll(async () => {
    await daraja('/callbacks/drop', { count: 0 }).catch(() => undefined);
  });

  it('refuses bad phones, cents, amounts over KES 250,000 and other currencies before anything reaches Daraja', async () => {
    const before = (await prompts()).length;
    const [{ n: bookingsBefore }] = (await testSql()`select count(*)::int as n from bookings where client_id = ${client.id}`) as unknown as [{ n: number }];
    const cases: { classId: string; phone: string; status: number; field: string }[] = [
      { classId: await kesClass(), phone: '12345', status: 400, field: 'phone' },
      { classId: await kesClass(), phone: '0812345678', status: 400, field: 'phone' },
      { classId: await kesClass(), phone: '', status: 400, field: 'phone' },
      { classId: await kesClass(150_050), phone: '0712345678', status: 422, field: 'amount' },
      { classId: await kesClass(25_000_100), phone: '0712345678', status: 422, field: 'amount' },
      { classId: await makeClass({ capacity: 5, price: 2500, currency: 'gbp' }), phone: '0712345678', status: 422, field: 'pay_with' },
    ];
    for (const c of cases) {
      const res = await api('/api/v1/bookings', { json: { class_id: c.classId, pay_with: 'mpesa', phone: c.phone }, token: client.token });
      expect(res.status, `${c.phone} on ${c.classId}`).toBe(c.status);
      expect(Object.keys(expectErrorShape(res.body).error.fields ?? {})).toContain(c.field);
    }
    // A retry on a held GBP booking, and a package in GBP, are refused the same way.
    const gbp = await api<BookingAnswer>('/api/v1/bookings', { json: { class_id: await makeClass({ capacity: 5, price: 2500 }) }, token: client.token });
    expect(gbp.status).toBe(201);
    const retry = await api(`/api/v1/bookings/${gbp.body.booking.id}/payment`, { json: { pay_with: 'mpesa', phone: '0712345678' }, token: client.token });
    expect(retry.status).toBe(422);
    expect(expectErrorShape(retry.body).error.fields).toHaveProperty('pay_with');
    const badPhoneRetry = await api(`/api/v1/bookings/${gbp.body.booking.id}/payment`, { json: { pay_with: 'mpesa', phone: '+44 7700 900123' }, token: client.token });
    expect(badPhoneRetry.status).toBe(400);

    expect((await prompts()).length).toBe(before);
    // Only the GBP booking (card) was made: a refused M-Pesa booking holds no seat.
    const [{ n: bookingsAfter }] = (await testSql()`select count(*)::int as n from bookings where client_id = ${client.id}`) as unknown as [{ n: number }];
    expect(bookingsAfter).toBe(bookingsBefore + 1);
  });

  it('a test phone that approves confirms the booking, with receipt, masked phone and one ledger row', async () => {
    const { bookingId, payment } = await bookWithMpesa(client, '0708374149');
    expect(payment.phone).toBe('*********149');
    expect(payment.id).toMatch(/^mp_/);
    const booking = await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed', 20_000);
    expect(booking.status).toBe('confirmed');

    const status = await api<{ provider: string; status: string; result: unknown }>(`/api/v1/payments/${payment.id}/status`, { token: client.token });
    expect(status.body).toMatchObject({ provider: 'mpesa', status: 'succeeded', result: null, checkout_request_id: payment.checkout_request_id });
    const detail = await api<{ payment: { payment_provider: string; mpesa: { receipt: string; phone: string } }; ledger: unknown[] }>(`/api/v1/payments/${payment.id}`, { token: client.token });
    expect(detail.body.payment.payment_provider).toBe('mpesa');
    expect(detail.body.payment.mpesa.phone).toBe('*********149');
    expect(detail.body.payment.mpesa.receipt).toBe((await promptOf(payment.checkout_request_id))?.receipt);
    expect(await ledgerOf(payment.id)).toEqual([{ type: 'single', stripe_object_id: `mpesa:${payment.checkout_request_id}`, gross: 150_000, fee: 22_500, net: 127_500, currency: 'kes' }]);

    // The ledger's CSV and the practitioner's earning lines say how it was paid.
    const receipt = detail.body.payment.mpesa.receipt;
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const csv = await api<string>(`/api/v1/reports/transactions.csv?from=${from}`, { token: await adminToken() });
    const header = csv.body.split('\r\n')[0]?.split(',') ?? [];
    const row = csv.body.split('\r\n').find((r) => r.includes(`,${payment.id},`))?.split(',') ?? [];
    expect(row[header.indexOf('payment_provider')]).toBe('mpesa');
    expect(row[header.indexOf('mpesa_receipt')]).toBe(receipt);
    expect(row[header.indexOf('card_last4')]).toBe('');
    const maya = await tokenFor('maya@wellbook.test');
    const lines = await api<{ lines: { payment_id: string; payment_provider: string; net: { amount: number; currency: string } }[] }>('/api/v1/earnings/lines?page_size=100', { token: maya.token });
    expect(lines.body.lines.find((l) => l.payment_id === payment.id)).toMatchObject({ payment_provider: 'mpesa', net: { amount: 127_500, currency: 'kes' } });
    // The analytics summary splits the money by payment provider: shillings only ever by M-Pesa.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const summary = await api<{ by_payment_provider: { payment_provider: string; currency: string; gross: number; payments_succeeded: number }[] }>(
      `/api/v1/reports/summary?from=${day(-2)}&to=${day(2)}&currency=kes`,
      { token: await adminToken() },
    );
    expect(summary.status).toBe(200);
    expect(summary.body.by_payment_provider.map((e) => [e.payment_provider, e.currency])).toEqual([['mpesa', 'kes']]);
    expect(summary.body.by_payment_provider[0]?.gross).toBeGreaterThanOrEqual(150_000);

    // Another client cannot see it; a card is refused for a KES price.
    const other = await makeClient();
    expect((await api(`/api/v1/payments/${payment.id}/status`, { token: other.token })).status).toBe(404);
    const card = await api<BookingAnswer>('/api/v1/bookings', { json: { class_id: await kesClass() }, token: other.token });
    expect(card.status).toBe(201);
    expect(card.body.payment).toBeNull();
    const cardRetry = await api(`/api/v1/bookings/${card.body.booking.id}/payment`, { method: 'POST', token: other.token });
    expect(cardRetry.status).toBe(422);
  });

  it('the same callback five times, to two app processes, confirms once; a wrong secret, amount or id changes nothing', async () => {
    const phone = waitingPhone();
    const { bookingId, payment } = await bookWithMpesa(client, phone);
    // The emulator's own delivery is dropped: these tests deliver it.
    await daraja('/callbacks/drop', { count: 1 });
    await daraja(`/prompts/${payment.checkout_request_id}`, { action: 'approve' });
    const prompt = await waitFor(() => promptOf(payment.checkout_request_id), (p) => p?.state === 'succeeded');
    if (!prompt) throw new Error('no prompt');

    expect(await postCallback(callbackBody(prompt), { secret: 'not-the-secret-at-all' })).toBe(404);
    expect(await postCallback(callbackBody(prompt, { amount: prompt.amount + 1 }))).toBe(422);
    expect(await postCallback(callbackBody(prompt, { phone: '254700999999' }), { server: 1 })).toBe(422);
    expect(await postCallback(callbackBody(prompt, { checkoutRequestId: 'ws_CO_unknown_request' }))).toBe(404);
    expect(await postCallback({ Body: { nothing: true } })).toBe(400);
    expect((await paymentState(payment.id))?.status).toBe('pending');
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');
    expect(await ledgerOf(payment.id)).toHaveLength(0);

    const statuses = await Promise.all(Array.from({ length: 5 }, (_, i) => postCallback(callbackBody(prompt), { server: i % 2 })));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect((await bookingOf(bookingId, client.token)).status).toBe('confirmed');
    expect(await ledgerOf(payment.id)).toHaveLength(1);
    const [request] = await testSql()`select status, resolved_by, callback_count from mpesa_requests where checkout_request_id = ${payment.checkout_request_id}`;
    expect(request).toMatchObject({ status: 'succeeded', resolved_by: 'callback', callback_count: 5 });
    const [{ n: earnings }] = (await testSql()`select count(*)::int as n from earning_lines where booking_id = ${bookingId}`) as unknown as [{ n: number }];
    expect(earnings).toBe(1);
  });

  it('a lost callback is confirmed by the reconciliation job in one run, by STK Query', async () => {
    // 254700000004 approves after 2 s but its callback is never delivered.
    const { bookingId, payment } = await bookWithMpesa(client, '254700000004');
    await waitFor(() => promptOf(payment.checkout_request_id), (p) => p?.state === 'succeeded', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    const young = await payments.reconcile({ olderThanMinutes: 60, update: true });
    expect(young.changed.map((c) => c.id)).not.toContain(payment.id);
    const run = await payments.reconcile({ olderThanMinutes: 0, update: true });
    expect(run.changed).toContainEqual(expect.objectContaining({ id: payment.id, to: 'succeeded', provider: 'mpesa' }));
    expect((await bookingOf(bookingId, client.token)).status).toBe('confirmed');
    const [request] = await testSql()`select status, resolved_by from mpesa_requests where checkout_request_id = ${payment.checkout_request_id}`;
    expect(request).toMatchObject({ status: 'succeeded', resolved_by: 'query' });
    expect(await ledgerOf(payment.id)).toHaveLength(1);

    // The late callback (resent) adds nothing but the receipt.
    await daraja(`/callbacks/${payment.checkout_request_id}/resend`, { copies: 1 });
    const paid = await waitFor(() => paymentState(payment.id), (p) => Boolean(p?.mpesa_receipt));
    expect(paid?.mpesa_receipt).toBe((await promptOf(payment.checkout_request_id))?.receipt);
    expect(await ledgerOf(payment.id)).toHaveLength(1);
  });

  it('a cancelled prompt says so in plain words; the resend is a new prompt, refused while one waits, and confirms', async () => {
    const phone = waitingPhone();
    const { bookingId, payment } = await bookWithMpesa(client, phone);
    await daraja(`/prompts/${payment.checkout_request_id}`, { action: 'cancel' });
    const failed = await waitFor(
      () => api<{ status: string; result: { code: number; message: string } | null }>(`/api/v1/payments/${payment.id}/status`, { token: client.token }),
      (r) => r.body.status === 'failed',
    );
    expect(failed.body.result).toEqual({ code: 1032, message: 'You cancelled the request on your phone.' });
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    const resend = await api<{ mode: string; payment: MpesaPayment }>(`/api/v1/bookings/${bookingId}/payment`, { json: { pay_with: 'mpesa', phone: `+${phone}` }, token: client.token, server: 1 });
    expect(resend.status, JSON.stringify(resend.body)).toBe(200);
    expect(resend.body.mode).toBe('mpesa');
    expect(resend.body.payment.id).toBe(payment.id);
    expect(resend.body.payment.checkout_request_id).not.toBe(payment.checkout_request_id);
    const again = await api(`/api/v1/bookings/${bookingId}/payment`, { json: { pay_with: 'mpesa', phone }, token: client.token });
    expect(again.status).toBe(409);
    expect((await api<{ result: unknown; status: string }>(`/api/v1/payments/${payment.id}/status`, { token: client.token })).body).toMatchObject({ status: 'pending', result: null });

    await daraja(`/prompts/${resend.body.payment.checkout_request_id}`, { action: 'approve' });
    const booking = await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed');
    expect(booking.status).toBe('confirmed');
    expect(await ledgerOf(payment.id)).toHaveLength(1);
  });

  it('an M-Pesa payment is refunded by reversal, in full only, and the ledger and booking follow', async () => {
    const { bookingId, payment } = await bookWithMpesa(client, '254708374149', 200_000);
    await waitFor(() => bookingOf(bookingId, client.token), (b) => b.status === 'confirmed', 20_000);
    const admin = await adminToken();
    const partial = await api(`/api/v1/payments/${payment.id}/refund`, { json: { amount: 100_000, reason: 'half' }, token: admin });
    expect(partial.status).toBe(422);
    expect(expectErrorShape(partial.body).error.fields).toHaveProperty('amount');

    const full = await api<{ refund: { status: string; amount: { amount: number } } }>(`/api/v1/payments/${payment.id}/refund`, { json: { reason: 'Client asked' }, token: admin });
    expect(full.status, JSON.stringify(full.body)).toBe(201);
    expect(full.body.refund).toMatchObject({ status: 'pending', amount: { amount: 200_000 } });
    const twice = await api(`/api/v1/payments/${payment.id}/refund`, { json: { reason: 'again' }, token: admin });
    expect(twice.status).toBeGreaterThanOrEqual(400);

    const refunded = await waitFor(() => paymentState(payment.id), (p) => p?.status === 'refunded');
    expect(refunded?.status).toBe('refunded');
    const rows = await ledgerOf(payment.id);
    expect(rows.map((r) => [r.type, r.gross])).toEqual([
      ['single', 200_000],
      ['refund', -200_000],
    ]);
    expect((await bookingOf(bookingId, client.token)).payment_status).toBe('refunded');
    const reversals = (await daraja<{ data: { transaction_id: string }[] }>('/reversals')).data;
    expect(reversals.filter((r) => r.transaction_id === refunded?.mpesa_receipt)).toHaveLength(1);
  });

  it('a KES package is bought with M-Pesa: its credit is granted once the phone approves', async () => {
    const admin = await adminToken();
    const created = await api<{ id: string }>('/api/v1/packages', {
      json: { name: `Nairobi test pass ${Date.now()}`, class_count: 5, price: { amount: 600_000, currency: 'KES' }, validity_days: 60 },
      token: admin,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const buyer = await makeClient();
    const card = await api(`/api/v1/packages/${created.body.id}/purchase`, { method: 'POST', token: buyer.token });
    expect(card.status).toBe(422);
    const start = await api<{ purchase_id: string; mode: string; payment: MpesaPayment; currency: string }>(`/api/v1/packages/${created.body.id}/purchase`, {
      json: { pay_with: 'mpesa', phone: '+254708374149' },
      token: buyer.token,
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    expect(start.body).toMatchObject({ mode: 'mpesa', currency: 'kes', payment: { provider: 'mpesa', status: 'pending', amount: { amount: 600_000, currency: 'kes' } } });
    const credits = await waitFor(() => creditsOfPurchase(start.body.purchase_id), (r) => r.length > 0, 20_000);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ total_uses: 5, remaining_uses: 5 });
    expect((await ledgerOf(start.body.payment.id)).map((r) => [r.type, r.gross, r.currency])).toEqual([['purchase', 600_000, 'kes']]);
  });
});
