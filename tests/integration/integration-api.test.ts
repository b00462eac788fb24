import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adminToken,
  api,
  bookingOf,
  bookPricedClass,
  createKey,
  creditRow,
  emulatorControl,
  emulatorStripe,
  entriesOf,
  expectErrorShape,
  externalPaymentIntent,
  keyCalls,
  ledger,
  makeClass,
  makeClient,
  makePackage,
  makeProvider,
  payAndConfirm,
  paymentRow,
  testSql,
  unknownKey,
  unknownKeyCalls,
  waitFor,
  type BookingBody,
} from './fixtures';

type Json = Record<string, unknown>;
interface CreditAnswer {
  success: boolean;
  credit: { id: string; client_id: string; package_id: string; total_classes: number; remaining_classes: number; is_valid: boolean; source: string };
  transaction_id: number;
}

afterEach(async () => {
  await emulatorControl('/chaos/clear', {});
});

/** One call to each integration endpoint, with well-formed input. */
function everyEndpoint(ids: { clientId: string; bookingId: string; packageId: string }): { path: string; json?: Json }[] {
  return [
    { path: `/api/v1/credits/by-client?client_id=${ids.clientId}` },
    { path: `/api/v1/payment/booking-status?booking_id=${ids.bookingId}` },
    { path: '/api/v1/payment/confirm-payment', json: { booking_id: ids.bookingId, payment_id: 'pi_unknown123' } },
    { path: '/api/v1/payment/create-credit', json: { client_id: ids.clientId, package_id: ids.packageId, payment_id: 'pi_unknown123', amount_paid: 100 } },
    { path: '/api/v1/credits/use', json: { booking_id: ids.bookingId } },
    { path: '/api/v1/credits/refund', json: { booking_id: ids.bookingId } },
  ];
}

async function createCredit(key: string, body: Json) {
  return api<CreditAnswer>('/api/v1/payment/create-credit', { json: body, token: key });
}

/** A client with a credit of `classCount` uses, bought outside the app and recorded through the key. */
async function clientWithCredit(key: string, classCount = 3) {
  const client = await makeClient();
  const pkg = await makePackage({ price: 4500, classCount });
  const pi = await externalPaymentIntent(pkg.price);
  const res = await createCredit(key, { client_id: client.id, package_id: pkg.id, payment_id: pi, amount_paid: pkg.price });
  expect(res.status).toBe(201);
  return { client, pkg, pi, creditId: res.body.credit.id };
}

describe('API keys: made by admins, stored hashed, audited', () => {
  it('creates a key shown once, keeps only its hash, and lists keys without it', async () => {
    const { key, api_key } = await createKey('Payment system');
    expect(key).toMatch(/^wbk_[A-Za-z0-9_-]{43}$/);
    expect(api_key).toMatchObject({ name: 'Payment system', prefix: key.slice(0, 12), status: 'active', revoked_at: null });
    expect(JSON.stringify(api_key)).not.toContain(key);

    const [row] = await testSql()`select * from api_keys where id = ${api_key.id}`;
    expect(row?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    for (const value of Object.values(row ?? {})) expect(String(value)).not.toContain(key.slice(12));

    const list = await api<{ api_keys: Json[] }>('/api/v1/api-keys', { token: await adminToken() });
    expect(list.status).toBe(200);
    const listed = list.body.api_keys.find((k) => k.id === api_key.id);
    expect(listed).toMatchObject({ prefix: key.slice(0, 12), status: 'active' });
    expect(JSON.stringify(list.body)).not.toContain(key.slice(12));
    expect(listed).not.toHaveProperty('key_hash');
    expect(listed).not.toHaveProperty('key');
  });

  it('lets only admins make, list and revoke keys, with clear 4xx for bad input', async () => {
    const client = await makeClient();
    const provider = await makeProvider();
    for (const token of [client.token, provider.token]) {
      expect((await api('/api/v1/api-keys', { json: { name: 'Mine' }, token })).status).toBe(403);
      expect((await api('/api/v1/api-keys', { token })).status).toBe(403);
    }
    expect((await api('/api/v1/api-keys', { json: { name: 'Anon' } })).status).toBe(401);
    const admin = await adminToken();
    for (const json of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 'ok', scope: 'all' }, { name: 5 }]) {
      const res = await api('/api/v1/api-keys', { json, token: admin });
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
    }
    expect((await api(`/api/v1/api-keys/${randomUUID()}/revoke`, { method: 'POST', token: admin })).status).toBe(404);
    expect((await api('/api/v1/api-keys/not-an-id/revoke', { method: 'POST', token: admin })).status).toBe(404);
    expect((await api(`/api/v1/api-keys/${randomUUID()}/calls`, { token: admin })).status).toBe(404);
  });

  it('accepts the key on every integration endpoint, refuses it elsewhere with 403, and a wrong key with 401', async () => {
    const { key, api_key } = await createKey();
    const client = await makeClient();
    const pkg = await makePackage();
    const { bookingId } = await bookPricedClass(1800);
    const endpoints = everyEndpoint({ clientId: client.id, bookingId, packageId: pkg.id });
    const since = new Date(Date.now() - 1000);

    for (const e of endpoints) {
      const ok = await api(e.path, { json: e.json, token: key });
      // Authenticated: whatever the business answer, never 401 or 403.
      expect([200, 201, 404, 409, 422], `${e.path} -> ${ok.status} ${JSON.stringify(ok.body)}`).toContain(ok.status);
      const wrong = await api(e.path, { json: e.json, token: unknownKey() });
      expect(wrong.status, e.path).toBe(401);
      expect(expectErrorShape(wrong.body).error).toMatchObject({ code: 'unauthorized', message: 'Invalid or revoked API key.' });
      expect((await api(e.path, { json: e.json, token: 'wbk_short' })).status).toBe(401);
    }
    // The by-client and booking-status answers are real.
    expect((await api(endpoints[0]?.path ?? '', { token: key })).body).toMatchObject({ client_id: client.id, total_credits: 0, credits: [] });
    expect((await api(endpoints[1]?.path ?? '', { token: key })).body).toMatchObject({ booking_id: bookingId, status: 'pending_payment' });

    // Not an integration endpoint: 403, never a user's access.
    const bookings = await api('/api/v1/bookings', { token: key });
    expect(bookings.status).toBe(403);
    expect(expectErrorShape(bookings.body).error.message).toBe('API keys can only call the integration endpoints.');
    expect((await api('/api/v1/api-keys', { json: { name: 'Self-made' }, token: key })).status).toBe(403);

    const calls = await keyCalls(api_key.id);
    expect(calls.map((c) => c.path)).toEqual([...endpoints.map((e) => e.path.split('?')[0]), '/api/v1/credits/by-client', '/api/v1/payment/booking-status', '/api/v1/bookings', '/api/v1/api-keys']);
    expect(calls.slice(0, 8).every((c) => c.status !== 401 && c.status !== 403)).toBe(true);
    expect(calls.slice(-2).map((c) => c.status)).toEqual([403, 403]);
    expect(calls.every((c) => !String(c.path).includes('?'))).toBe(true);
    const wrongCalls = await unknownKeyCalls(since);
    expect(wrongCalls.filter((c) => c.status === 401).length).toBeGreaterThanOrEqual(endpoints.length * 2);

    const logged = await api<{ calls: { path: string; status: number }[]; total: number }>(`/api/v1/api-keys/${api_key.id}/calls?page_size=2`, { token: await adminToken() });
    expect(logged.status).toBe(200);
    expect(logged.body.total).toBe(calls.length);
    expect(logged.body.calls.map((c) => c.status)).toEqual([403, 403]);
    expect((await api(`/api/v1/api-keys/${api_key.id}/calls?page=0`, { token: await adminToken() })).status).toBe(400);
  });

  it('stops a revoked key at once (401, still audited), and revoking twice changes nothing', async () => {
    const { key, api_key } = await createKey();
    const client = await makeClient();
    const path = `/api/v1/credits/by-client?client_id=${client.id}`;
    expect((await api(path, { token: key })).status).toBe(200);
    const admin = await adminToken();
    const revoked = await api<{ api_key: { status: string; revoked_at: string } }>(`/api/v1/api-keys/${api_key.id}/revoke`, { method: 'POST', token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.api_key.status).toBe('revoked');
    const again = await api<{ api_key: { revoked_at: string } }>(`/api/v1/api-keys/${api_key.id}/revoke`, { method: 'POST', token: admin });
    expect(again.status).toBe(200);
    expect(again.body.api_key.revoked_at).toBe(revoked.body.api_key.revoked_at);

    const refused = await api(path, { token: key });
    expect(refused.status).toBe(401);
    expect(expectErrorShape(refused.body).error.code).toBe('unauthorized');
    expect((await api('/api/v1/payment/create-credit', { json: {}, token: key })).status).toBe(401);
    expect((await keyCalls(api_key.id)).map((c) => c.status)).toEqual([200, 401, 401]);
    // Users' own bearer tokens keep working.
    expect((await api(path, { token: admin })).status).toBe(200);
    expect((await api(path, { token: client.token })).status).toBe(403);
  });
});

describe('integration endpoints: bad input is a clear 4xx', () => {
  it('answers each malformed or unknown request with 400 or 404 in the error shape', async () => {
    const { key } = await createKey();
    const client = await makeClient();
    const pkg = await makePackage();
    const { bookingId } = await bookPricedClass(1200);
    const provider = await makeProvider();
    const cases: { name: string; path: string; json?: Json; status: number; field?: string }[] = [
      { name: 'by-client without client_id', path: '/api/v1/credits/by-client', status: 400, field: 'client_id' },
      { name: 'by-client bad id', path: '/api/v1/credits/by-client?client_id=123', status: 400, field: 'client_id' },
      { name: 'by-client unknown param', path: `/api/v1/credits/by-client?client_id=${client.id}&x=1`, status: 400, field: 'x' },
      { name: 'by-client unknown client', path: `/api/v1/credits/by-client?client_id=${randomUUID()}`, status: 404 },
      { name: 'by-client a provider', path: `/api/v1/credits/by-client?client_id=${provider.id}`, status: 404 },
      { name: 'status without booking_id', path: '/api/v1/payment/booking-status', status: 400, field: 'booking_id' },
      { name: 'status bad id', path: '/api/v1/payment/booking-status?booking_id=abc', status: 400, field: 'booking_id' },
      { name: 'status unknown booking', path: `/api/v1/payment/booking-status?booking_id=${randomUUID()}`, status: 404 },
      { name: 'confirm empty', path: '/api/v1/payment/confirm-payment', json: {}, status: 400, field: 'booking_id' },
      { name: 'confirm bad booking id', path: '/api/v1/payment/confirm-payment', json: { booking_id: 123, payment_id: 'pi_1' }, status: 400, field: 'booking_id' },
      { name: 'confirm bad payment id', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'ch_1' }, status: 400, field: 'payment_id' },
      { name: 'confirm negative amount', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'pi_1', amount: -5 }, status: 400, field: 'amount' },
      { name: 'confirm decimal amount', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'pi_1', amount: 12.5 }, status: 400, field: 'amount' },
      { name: 'confirm bad type', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'pi_1', payment_type: 'package' }, status: 400, field: 'payment_type' },
      { name: 'confirm unknown field', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'pi_1', status: 'paid' }, status: 400, field: 'status' },
      { name: 'confirm unknown booking', path: '/api/v1/payment/confirm-payment', json: { booking_id: randomUUID(), payment_id: 'pi_1' }, status: 404 },
      { name: 'confirm unknown payment', path: '/api/v1/payment/confirm-payment', json: { booking_id: bookingId, payment_id: 'pi_doesnotexist' }, status: 404 },
      { name: 'create-credit empty', path: '/api/v1/payment/create-credit', json: {}, status: 400, field: 'amount_paid' },
      { name: 'create-credit bad ids', path: '/api/v1/payment/create-credit', json: { client_id: 'c', package_id: 'p', payment_id: 'pi_1', amount_paid: 100 }, status: 400, field: 'package_id' },
      { name: 'create-credit negative', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: pkg.id, payment_id: 'pi_1', amount_paid: -100 }, status: 400, field: 'amount_paid' },
      { name: 'create-credit decimal', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: pkg.id, payment_id: 'pi_1', amount_paid: 100.0001 }, status: 400, field: 'amount_paid' },
      { name: 'create-credit string amount', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: pkg.id, payment_id: 'pi_1', amount_paid: '100.00' }, status: 400, field: 'amount_paid' },
      { name: 'create-credit unknown field', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: pkg.id, payment_id: 'pi_1', amount_paid: 100, credits: 99 }, status: 400, field: 'credits' },
      { name: 'create-credit unknown client', path: '/api/v1/payment/create-credit', json: { client_id: randomUUID(), package_id: pkg.id, payment_id: 'pi_1', amount_paid: 100 }, status: 404 },
      { name: 'create-credit unknown package', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: randomUUID(), payment_id: 'pi_1', amount_paid: 100 }, status: 404 },
      { name: 'create-credit unknown payment', path: '/api/v1/payment/create-credit', json: { client_id: client.id, package_id: pkg.id, payment_id: 'pi_doesnotexist', amount_paid: pkg.price }, status: 404 },
      { name: 'use empty', path: '/api/v1/credits/use', json: {}, status: 400, field: 'booking_id' },
      { name: 'use bad ids', path: '/api/v1/credits/use', json: { booking_id: 'b', credit_id: 'c' }, status: 400, field: 'credit_id' },
      { name: 'use unknown field', path: '/api/v1/credits/use', json: { booking_id: bookingId, uses: 2 }, status: 400, field: 'uses' },
      { name: 'use unknown booking', path: '/api/v1/credits/use', json: { booking_id: randomUUID() }, status: 404 },
      { name: 'use unknown credit', path: '/api/v1/credits/use', json: { booking_id: bookingId, credit_id: randomUUID() }, status: 404 },
      { name: 'refund empty', path: '/api/v1/credits/refund', json: {}, status: 400, field: 'booking_id' },
      { name: 'refund bad id', path: '/api/v1/credits/refund', json: { booking_id: 42 }, status: 400, field: 'booking_id' },
      { name: 'refund unknown field', path: '/api/v1/credits/refund', json: { booking_id: bookingId, amount: 1 }, status: 400, field: 'amount' },
      { name: 'refund unknown booking', path: '/api/v1/credits/refund', json: { booking_id: randomUUID() }, status: 404 },
    ];
    for (const c of cases) {
      const res = await api(c.path, { json: c.json, token: key });
      expect(res.status, `${c.name}: ${JSON.stringify(res.body)}`).toBe(c.status);
      const body = expectErrorShape(res.body);
      if (c.field) expect(Object.keys(body.error.fields ?? {}), c.name).toContain(c.field);
    }
    for (const path of ['/api/v1/payment/confirm-payment', '/api/v1/payment/create-credit', '/api/v1/credits/use', '/api/v1/credits/refund']) {
      const notJson = await api(path, { rawBody: '{"booking_id":', contentType: 'application/json', token: key });
      expect(notJson.status, path).toBe(400);
      expectErrorShape(notJson.body);
      expect((await api(path, { rawBody: 'booking_id=1', contentType: 'application/x-www-form-urlencoded', token: key })).status).toBe(415);
    }
  });
});

describe('POST /api/v1/payment/create-credit', () => {
  it('grants one credit per payment, records the purchase, and a refund takes the unused uses back', async () => {
    const { key, api_key } = await createKey();
    const client = await makeClient();
    const pkg = await makePackage({ price: 7500, classCount: 5 });
    const pi = await externalPaymentIntent(pkg.price);
    const body = { client_id: client.id, package_id: pkg.id, payment_id: pi, amount_paid: pkg.price };

    const first = await createCredit(key, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ success: true, credit: { client_id: client.id, package_id: pkg.id, total_classes: 5, remaining_classes: 5, is_valid: true, source: 'integration' } });
    expect(typeof first.body.transaction_id).toBe('number');
    const creditId = first.body.credit.id;

    const again = await createCredit(key, body);
    expect(again.status).toBe(200);
    expect(again.body.credit.id).toBe(creditId);
    expect(again.body.transaction_id).toBe(first.body.transaction_id);
    const asAdmin = await api<CreditAnswer>('/api/v1/payment/create-credit', { json: body, token: await adminToken() });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.credit.id).toBe(creditId);

    const other = await makeClient();
    expect((await createCredit(key, { ...body, client_id: other.id })).status).toBe(409);

    // Recorded as a purchase like any other: paid purchase, succeeded payment with its fee, one ledger row, one grant by the key.
    const [purchase] = await testSql()`select p.status, p.price_amount, p.fee_amount from package_purchases p join credits c on c.purchase_id = p.id where c.id = ${creditId}`;
    expect(purchase).toMatchObject({ status: 'paid', price_amount: 7500, fee_amount: 1125 });
    expect(await paymentRow(pi)).toMatchObject({ payable_type: 'package', status: 'succeeded', amount: 7500, fee_amount: 1125, provider_amount: 6375 });
    expect((await ledger(pi)).map((r) => r.type)).toEqual(['purchase']);
    expect(await entriesOf(creditId)).toEqual([{ kind: 'grant', delta: 5, booking_id: null, actor_id: null, api_key_id: api_key.id, reason: expect.any(String) }]);

    // The client's credits show it.
    const byClient = await api<{ total_credits: number; credits: { id: string }[] }>(`/api/v1/credits/by-client?client_id=${client.id}`, { token: key });
    expect(byClient.body.total_credits).toBe(5);
    expect(byClient.body.credits.map((c) => c.id)).toEqual([creditId]);

    // An admin refunds the payment: the unused uses go.
    const refund = await api(`/api/v1/payments/${pi}/refund`, { json: { reason: 'Changed their mind' }, token: await adminToken() });
    expect(refund.status).toBe(201);
    const revoked = await waitFor(() => creditRow(creditId), (c) => c?.remaining_uses === 0);
    expect(revoked).toMatchObject({ remaining_uses: 0 });
    expect(revoked?.revoked_at).not.toBeNull();
    expect((await entriesOf(creditId)).map((e) => e.kind)).toEqual(['grant', 'revoke']);
  });

  it('gives five concurrent identical calls one credit', async () => {
    const { key } = await createKey();
    const client = await makeClient();
    const pkg = await makePackage({ price: 3000, classCount: 3 });
    const pi = await externalPaymentIntent(pkg.price);
    const body = { client_id: client.id, package_id: pkg.id, payment_id: pi, amount_paid: pkg.price };
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => api<CreditAnswer>('/api/v1/payment/create-credit', { json: body, token: key, server: i % 2 })));
    expect(results.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.credit.id)).size).toBe(1);
    const [count] = await testSql()`select count(*)::int as n from credits where payment_id = ${pi}`;
    expect(count?.n).toBe(1);
    const creditId = results[0]?.body.credit.id ?? '';
    expect((await entriesOf(creditId)).filter((e) => e.kind === 'grant')).toHaveLength(1);
    const [purchases] = await testSql()`select count(*)::int as n from package_purchases where payment_ref = ${pi}`;
    expect(purchases?.n).toBe(1);
  });

  it('refuses a payment that did not succeed or does not match the price', async () => {
    const { key } = await createKey();
    const client = await makeClient();
    const pkg = await makePackage({ price: 6000 });
    const paid = await externalPaymentIntent(pkg.price);
    const wrongAmount = await createCredit(key, { client_id: client.id, package_id: pkg.id, payment_id: paid, amount_paid: 5000 });
    expect(wrongAmount.status).toBe(422);
    expect(Object.keys(expectErrorShape(wrongAmount.body).error.fields ?? {})).toContain('amount_paid');

    const cheaper = await externalPaymentIntent(5000);
    const underpaid = await createCredit(key, { client_id: client.id, package_id: pkg.id, payment_id: cheaper, amount_paid: 5000 });
    expect(underpaid.status).toBe(422);

    const unpaid = await externalPaymentIntent(pkg.price, { paid: false });
    const notPaid = await createCredit(key, { client_id: client.id, package_id: pkg.id, payment_id: unpaid, amount_paid: pkg.price });
    expect(notPaid.status).toBe(422);
    expect(expectErrorShape(notPaid.body).error.code).toBe('unprocessable');

    // A booking's own PaymentIntent cannot buy a package.
    const { payment } = await bookPricedClass(6000);
    await emulatorStripe().paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa' });
    const booking = await createCredit(key, { client_id: client.id, package_id: pkg.id, payment_id: payment.payment_intent_id, amount_paid: 6000 });
    expect(booking.status).toBe(409);
    const [credits] = await testSql()`select count(*)::int as n from credits where client_id = ${client.id}`;
    expect(credits?.n).toBe(0);
  });
});

describe('POST /api/v1/payment/confirm-payment', () => {
  it('confirms a booking whose webhook was lost, once, after checking the payment with Stripe', async () => {
    const { key } = await createKey();
    const { bookingId, client, payment } = await bookPricedClass(2500);
    const other = await bookPricedClass(2500);
    await emulatorControl('/chaos', { mode: 'drop', count: 50 });
    await emulatorStripe().paymentIntents.confirm(payment.payment_intent_id, { payment_method: 'pm_card_visa' });
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    const wrongAmount = await api('/api/v1/payment/confirm-payment', { json: { booking_id: bookingId, payment_id: payment.payment_intent_id, amount: 2400 }, token: key });
    expect(wrongAmount.status).toBe(422);
    expect(Object.keys(expectErrorShape(wrongAmount.body).error.fields ?? {})).toEqual(['amount']);
    const othersPayment = await api('/api/v1/payment/confirm-payment', { json: { booking_id: other.bookingId, payment_id: payment.payment_intent_id }, token: key });
    expect(othersPayment.status).toBe(409);
    const unpaid = await api('/api/v1/payment/confirm-payment', { json: { booking_id: other.bookingId, payment_id: other.payment.payment_intent_id, amount: 2500 }, token: key });
    expect(unpaid.status).toBe(422);
    expect((await bookingOf(bookingId, client.token)).status).toBe('pending_payment');

    const body = { booking_id: bookingId, payment_id: payment.payment_intent_id, amount: 2500, payment_type: 'single_class' };
    const confirmed = await api('/api/v1/payment/confirm-payment', { json: body, token: key });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ success: true, booking_id: bookingId, status: 'confirmed', payment_status: 'paid' });
    const repeat = await api('/api/v1/payment/confirm-payment', { json: body, token: await adminToken() });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(confirmed.body);
    expect(await paymentRow(payment.payment_intent_id)).toMatchObject({ status: 'succeeded' });
    expect((await ledger(payment.payment_intent_id)).map((r) => r.type)).toEqual(['single']);

    const status = await api(`/api/v1/payment/booking-status?booking_id=${bookingId}`, { token: key });
    expect(status.body).toEqual({
      booking_id: bookingId,
      status: 'confirmed',
      payment_status: 'paid',
      payment_type: 'single',
      payment_id: payment.payment_intent_id,
      payment_amount: { amount: 2500, currency: 'gbp' },
      refunded_amount: { amount: 0, currency: 'gbp' },
      credit_id: null,
    });
  });
});

describe('credits through a key: use, refund and booking status', () => {
  it('pays a booking with a credit, gives the use back after a late cancellation, and records the key on the ledger', async () => {
    const { key, api_key } = await createKey();
    const { client, creditId } = await clientWithCredit(key, 3);
    // Starts in 2 hours: a client's cancellation is late and gives nothing back by itself.
    const classId = await makeClass({ capacity: 5, price: 1500, hoursAhead: 2 });
    const booked = await api<BookingBody>('/api/v1/bookings', { json: { class_id: classId }, token: client.token });
    expect(booked.status).toBe(201);
    const bookingId = booked.body.booking.id;

    const refundEarly = await api('/api/v1/credits/refund', { json: { booking_id: bookingId }, token: key });
    expect(refundEarly.status).toBe(422);

    const used = await api('/api/v1/credits/use', { json: { booking_id: bookingId, credit_id: creditId }, token: key });
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ success: true, booking_id: bookingId, booking_status: 'confirmed', credit_id: creditId, remaining_classes: 2 });
    const again = await api('/api/v1/credits/use', { json: { booking_id: bookingId }, token: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(used.body);
    expect((await creditRow(creditId))?.remaining_uses).toBe(2);

    const status = await api(`/api/v1/payment/booking-status?booking_id=${bookingId}`, { token: key });
    expect(status.body).toMatchObject({ booking_id: bookingId, status: 'confirmed', payment_status: 'credit_used', payment_type: 'credit', payment_id: null, credit_id: creditId });

    const notCancelled = await api('/api/v1/credits/refund', { json: { booking_id: bookingId }, token: key });
    expect(notCancelled.status).toBe(409);

    const cancel = await api<{ credit_returned: unknown }>(`/api/v1/bookings/${bookingId}/cancel`, { json: { reason: 'Cannot make it' }, token: client.token });
    expect(cancel.status).toBe(200);
    expect(cancel.body.credit_returned).toBeNull();
    expect((await creditRow(creditId))?.remaining_uses).toBe(2);

    const wrongCredit = await api('/api/v1/credits/refund', { json: { booking_id: bookingId, credit_id: randomUUID() }, token: key });
    expect(wrongCredit.status).toBe(409);
    const refunded = await api('/api/v1/credits/refund', { json: { booking_id: bookingId, credit_id: creditId }, token: key });
    expect(refunded.status).toBe(200);
    expect(refunded.body).toEqual({ success: true, booking_id: bookingId, credit_id: creditId, remaining_classes: 3, returned: true });
    const twice = await api('/api/v1/credits/refund', { json: { booking_id: bookingId }, token: key });
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ remaining_classes: 3, returned: false });

    const entries = await entriesOf(creditId);
    expect(entries.map((e) => [e.kind, e.delta, e.booking_id, e.actor_id, e.api_key_id])).toEqual([
      ['grant', 3, null, null, api_key.id],
      ['use', -1, bookingId, null, api_key.id],
      ['return', 1, bookingId, null, api_key.id],
    ]);
    // A cancelled booking cannot be paid with a credit.
    expect((await api('/api/v1/credits/use', { json: { booking_id: bookingId }, token: key })).status).toBe(409);
  });

  it('lets a client use a credit for their own booking only, and refuses card-paid bookings and missing credits', async () => {
    const { key } = await createKey();
    const { client, creditId } = await clientWithCredit(key, 2);
    const own = await bookPricedClass(1500, client);
    const stranger = await bookPricedClass(1500);

    expect((await api('/api/v1/credits/use', { json: { booking_id: stranger.bookingId }, token: client.token })).status).toBe(404);
    const mine = await api('/api/v1/credits/use', { json: { booking_id: own.bookingId }, token: client.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ booking_status: 'confirmed', credit_id: creditId, remaining_classes: 1 });
    const entries = await entriesOf(creditId);
    expect(entries.at(-1)).toMatchObject({ kind: 'use', actor_id: client.id, api_key_id: null });
    // The card payment the booking had started is given up.
    await waitFor(() => paymentRow(own.payment.payment_intent_id), (p) => p?.status === 'canceled');

    // The stranger has no credit.
    const none = await api('/api/v1/credits/use', { json: { booking_id: stranger.bookingId }, token: key });
    expect(none.status).toBe(422);
    expect(expectErrorShape(none.body).error.code).toBe('credit_unavailable');
    // Another client's credit does not pay for it either.
    expect((await api('/api/v1/credits/use', { json: { booking_id: stranger.bookingId, credit_id: creditId }, token: key })).status).toBe(422);

    // Paid by card: no credit can pay it, and nothing can be given back to a credit.
    await payAndConfirm(stranger.bookingId, stranger.payment, stranger.client.token);
    expect((await api('/api/v1/credits/use', { json: { booking_id: stranger.bookingId }, token: key })).status).toBe(409);
    const cancel = await api(`/api/v1/bookings/${stranger.bookingId}/cancel`, { json: { reason: 'Ill' }, token: stranger.client.token });
    expect(cancel.status).toBe(200);
    expect((await api('/api/v1/credits/refund', { json: { booking_id: stranger.bookingId }, token: key })).status).toBe(422);
  });
});
