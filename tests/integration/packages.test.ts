import { afterEach, describe, expect, inject, it } from 'vitest';
import { connect } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { startAppServer } from '../support/stack';
import { DAY_MS } from '@/lib/time';
import {
  adminToken,
  api,
  createPackageAsAdmin,
  creditsOffLedger,
  creditsOfPurchase,
  emulatorControl,
  emulatorStripe,
  entriesOf,
  ledger,
  makeClass,
  makeClient,
  makeProvider,
  paymentRow,
  payOnHostedCheckout,
  payPurchase,
  postWebhook,
  purchaseRow,
  setSetting,
  settledDeliveries,
  signedEvent,
  startPurchase,
  testSql,
  uniquePackageName,
  waitFor,
  waitForCredit,
  type ErrorBody,
  type PackageBody,
  type PurchaseStart,
} from './fixtures';

// The sync the webhook runs, called in this process too: it reaches the stack's emulator like the app does.
process.env.STRIPE_SECRET_KEY = 'sk_test_integration';
process.env.STRIPE_API_BASE = inject('stripeUrl');
const { payments } = await import('@/lib/flows/payments');

type Purchase = {
  purchase: { id: string; status: string; package: { id: string; name: string; class_count: number }; price: { amount: number; currency: string }; payment_id: string | null };
  credit: { total_classes: number; remaining_classes: number; expires_at: string; purchased_at: string; payment_id: string; amount_paid: { amount: number }; state: string; is_valid: boolean } | null;
};

afterEach(async () => {
  await emulatorControl('/chaos/clear', {});
});

describe('admin: packages', () => {
  it('creates, edits, retires and restores a package; the public list shows active ones with price_per_class', async () => {
    const token = await adminToken();
    const name = uniquePackageName('Trio');
    const created = await api<PackageBody>('/api/v1/packages', {
      json: { name: `  ${name}  `, description: 'Three to try', class_count: 3, price: { amount: 1000, currency: 'GBP' }, validity_days: 30 },
      token,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name,
      description: 'Three to try',
      class_count: 3,
      price: { amount: 1000, currency: 'gbp' },
      price_per_class: { amount: 333, currency: 'gbp' },
      validity_days: 30,
      platform_fee_bps: 1500,
      active: true,
      scope: { classes: 'all', class_ids: [], session_type_ids: [] },
    });
    const id = created.body.id;

    const edited = await api<PackageBody>(`/api/v1/packages/${id}`, { method: 'PATCH', json: { class_count: 4, price: { amount: 1200, currency: 'gbp' } }, token });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ class_count: 4, price: { amount: 1200 }, price_per_class: { amount: 300 }, name });

    const anonymousList = async () => (await api<{ packages: PackageBody[] }>('/api/v1/packages')).body.packages;
    expect((await anonymousList()).find((p) => p.id === id)).toMatchObject({ price_per_class: { amount: 300, currency: 'gbp' } });

    const retired = await api<PackageBody>(`/api/v1/packages/${id}`, { method: 'PATCH', json: { active: false }, token });
    expect(retired.body.active).toBe(false);
    expect((await anonymousList()).some((p) => p.id === id)).toBe(false);
    expect((await anonymousList()).every((p) => p.active)).toBe(true);
    // Only an admin's include_retired shows it; anyone else's is ignored.
    expect((await api<{ packages: PackageBody[] }>('/api/v1/packages?include_retired=true')).body.packages.some((p) => p.id === id)).toBe(false);
    const adminList = await api<{ packages: PackageBody[] }>('/api/v1/packages?include_retired=true', { token });
    expect(adminList.body.packages.some((p) => p.id === id)).toBe(true);
    expect((await api(`/api/v1/packages/${id}`)).status).toBe(404);
    expect((await api<PackageBody>(`/api/v1/packages/${id}`, { token })).body.active).toBe(false);

    const restored = await api<PackageBody>(`/api/v1/packages/${id}`, { method: 'PATCH', json: { active: true }, token });
    expect(restored.body.active).toBe(true);
    expect((await api<PackageBody>(`/api/v1/packages/${id}`)).body).toMatchObject({ id, active: true });
  });

  it('refuses bad input with 400 and the field at fault', async () => {
    const token = await adminToken();
    const good = { name: uniquePackageName(), class_count: 5, price: { amount: 10_000, currency: 'gbp' }, validity_days: 365 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, price: { amount: 0, currency: 'gbp' } }, 'price.amount'],
      [{ ...good, price: { amount: 10.5, currency: 'gbp' } }, 'price.amount'],
      // Shillings are paid by M-Pesa: whole shillings only.
      [{ ...good, price: { amount: 600_050, currency: 'kes' } }, 'price.amount'],
      [{ ...good, class_count: 0 }, 'class_count'],
      [{ ...good, price: { amount: 1000, currency: 'pounds' } }, 'price.currency'],
      [{ ...good, validity_days: 0 }, 'validity_days'],
      [{ ...good, fee_bps: 10_001 }, 'fee_bps'],
      [{ ...good, name: '   ' }, 'name'],
      [{ ...good, colour: 'blue' }, 'colour'],
      [{ ...good, scope: { classes: 'selected' } }, 'scope.class_ids'],
      [{ ...good, scope: { classes: 'selected', class_ids: ['00000000-0000-4000-8000-000000000000'] } }, 'scope.class_ids'],
      [{ ...good, scope: { classes: 'none' } }, 'scope.session_type_ids'],
    ];
    for (const [body, field] of cases) {
      const res = await api<ErrorBody>('/api/v1/packages', { json: body, token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect((await testSql()`select count(*)::int as n from class_packages where name = ${good.name}`)[0]?.n).toBe(0);

    const pkg = await createPackageAsAdmin();
    const empty = await api<ErrorBody>(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: {}, token });
    expect(empty.status).toBe(400);
    expect((await api(`/api/v1/packages/00000000-0000-4000-8000-000000000000`, { method: 'PATCH', json: { active: false }, token })).status).toBe(404);
    expect((await api(`/api/v1/packages/not-an-id`, { method: 'PATCH', json: { active: false }, token })).status).toBe(404);
  });

  it('a scope of selected classes (by class or series id) and session types is kept', async () => {
    const classId = await makeClass({ capacity: 5, price: 1000 });
    const provider = await makeProvider({ price: 3000 });
    const pkg = await createPackageAsAdmin({ scope: { classes: 'selected', class_ids: [classId], session_type_ids: [provider.sessionTypeId] } });
    expect(pkg.scope).toEqual({ classes: 'selected', class_ids: [classId], session_type_ids: [provider.sessionTypeId] });
  });

  it('a duplicate name (any case) is 409 with fields.name, on create and on rename', async () => {
    const token = await adminToken();
    const first = await createPackageAsAdmin();
    const dup = await api<ErrorBody>('/api/v1/packages', {
      json: { name: first.name.toUpperCase(), class_count: 2, price: { amount: 500, currency: 'gbp' }, validity_days: 10 },
      token,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields?.name).toBeDefined();
    const second = await createPackageAsAdmin();
    const rename = await api<ErrorBody>(`/api/v1/packages/${second.id}`, { method: 'PATCH', json: { name: first.name.toLowerCase() }, token });
    expect(rename.status).toBe(409);
    expect(rename.body.error.fields?.name).toBeDefined();
  });

  it('clients and providers get 403 on POST and PATCH; anonymous 401', async () => {
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    const provider = await makeProvider();
    const body = { name: uniquePackageName(), class_count: 5, price: { amount: 10_000, currency: 'gbp' }, validity_days: 365 };
    for (const who of [client, provider]) {
      expect((await api('/api/v1/packages', { json: body, token: who.token })).status).toBe(403);
      expect((await api(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: { active: false }, token: who.token })).status).toBe(403);
    }
    expect((await api('/api/v1/packages', { json: body })).status).toBe(401);
    expect((await api(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: { active: false } })).status).toBe(401);
    expect((await api<PackageBody>(`/api/v1/packages/${pkg.id}`)).body.active).toBe(true);
  });
});

describe('demo seed', () => {
  it("has seed 000's 5 and 10 Class Passes, once each however often it runs", async () => {
    const list = (await api<{ packages: PackageBody[] }>('/api/v1/packages')).body.packages;
    expect(list.find((p) => p.name === '5 Class Pass')).toMatchObject({
      description: 'Save 20% with 5 classes',
      class_count: 5,
      price: { amount: 10_000, currency: 'gbp' },
      price_per_class: { amount: 2000, currency: 'gbp' },
      validity_days: 365,
      platform_fee_bps: 1500,
      active: true,
    });
    expect(list.find((p) => p.name === '10 Class Pass')).toMatchObject({
      description: 'Save 30% with 10 classes',
      class_count: 10,
      price: { amount: 17_500, currency: 'gbp' },
      price_per_class: { amount: 1750, currency: 'gbp' },
      validity_days: 365,
    });
    const { sql, db } = connect(inject('databaseUrl'), 1);
    try {
      await seedDemoData(db);
    } finally {
      await sql.end();
    }
    const rows = await testSql()`select lower(name) as name, count(*)::int as n from class_packages where lower(name) in ('5 class pass', '10 class pass') group by lower(name)`;
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
  });
});

describe('buying a package', () => {
  it("creates one PaymentIntent with the server's amount, however often and concurrently asked", async () => {
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    const start = await startPurchase(pkg.id, client);
    expect(start).toMatchObject({ mode: 'payment_element', amount: { amount: 10_000, currency: 'gbp' }, currency: 'gbp' });
    expect(start.client_secret).toMatch(/^pi_.+_secret_/);
    const pi = await emulatorStripe().paymentIntents.retrieve(start.payment_intent_id);
    expect(pi).toMatchObject({ amount: 10_000, currency: 'gbp' });
    expect(pi.metadata).toMatchObject({ payable_type: 'package', payable_id: start.purchase_id, user_id: client.id });
    expect(await purchaseRow(start.purchase_id)).toMatchObject({ status: 'pending', price_amount: 10_000, currency: 'gbp', fee_bps: 1500, fee_amount: 1500 });

    const again = await startPurchase(pkg.id, client);
    expect(again).toMatchObject({ purchase_id: start.purchase_id, payment_intent_id: start.payment_intent_id });

    // Five at once, from a client who has not asked before, across both app servers.
    const other = await makeClient();
    const starts = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api<PurchaseStart>(`/api/v1/packages/${pkg.id}/purchase`, { method: 'POST', token: other.token, server: i % 2 })),
    );
    expect(starts.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(starts.map((s) => s.body.payment_intent_id)).size).toBe(1);
    expect(new Set(starts.map((s) => s.body.purchase_id)).size).toBe(1);
    const [purchases] = await testSql()`select count(*)::int as n from package_purchases where client_id = ${other.id}`;
    expect(purchases?.n).toBe(1);
    const [payments] = await testSql()`select count(*)::int as n from payments where payable_id = ${starts[0]!.body.purchase_id}`;
    expect(payments?.n).toBe(1);
    expect((await emulatorStripe().paymentIntents.list({ limit: 100 })).data.filter((p) => p.metadata?.user_id === other.id)).toHaveLength(1);
  });

  it('paying grants one credit through the webhook: 5 uses, a year, the payment, one grant, one purchase transaction', async () => {
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    const start = await startPurchase(pkg.id, client);
    const before = Date.now();
    const credit = await payPurchase(start);
    expect(credit).toMatchObject({ client_id: client.id, package_id: pkg.id, source: 'purchase', total_uses: 5, remaining_uses: 5, payment_id: start.payment_intent_id, amount_paid: 10_000, currency: 'gbp' });
    const expiresAt = (credit.expires_at as Date).getTime();
    expect(Math.abs(expiresAt - (before + 365 * DAY_MS))).toBeLessThan(60_000);
    expect(await entriesOf(credit.id as string)).toEqual([{ kind: 'grant', delta: 5, booking_id: null, actor_id: null, api_key_id: null, reason: expect.stringContaining(pkg.name) }]);
    expect(await purchaseRow(start.purchase_id)).toMatchObject({ status: 'paid', payment_ref: start.payment_intent_id });
    await waitFor(() => paymentRow(start.payment_intent_id), (p) => p?.status === 'succeeded');
    expect(await ledger(start.payment_intent_id)).toEqual([{ type: 'purchase', stripe_object_id: expect.stringMatching(/^ch_/), gross: 10_000, fee: 1500, net: 8500 }]);

    // The client sees it through the purchase; the seed-000 shaped credit.
    const view = await api<Purchase>(`/api/v1/packages/purchases/${start.purchase_id}`, { token: client.token });
    expect(view.status).toBe(200);
    expect(view.body.purchase).toMatchObject({ id: start.purchase_id, status: 'paid', package: { id: pkg.id, name: pkg.name, class_count: 5 }, price: { amount: 10_000, currency: 'gbp' }, payment_id: start.payment_intent_id });
    expect(view.body.credit).toMatchObject({ total_classes: 5, remaining_classes: 5, is_valid: true, state: 'active', payment_id: start.payment_intent_id, amount_paid: { amount: 10_000 } });
    // An admin may look; another client may not know it exists.
    expect((await api(`/api/v1/packages/purchases/${start.purchase_id}`, { token: await adminToken() })).status).toBe(200);
    expect((await api(`/api/v1/packages/purchases/${start.purchase_id}`, { token: (await makeClient()).token })).status).toBe(404);
    expect((await api(`/api/v1/packages/purchases/${start.purchase_id}`)).status).toBe(401);

    // Buying the same package again is a new purchase and a new PaymentIntent.
    const next = await startPurchase(pkg.id, client);
    expect(next.purchase_id).not.toBe(start.purchase_id);
    expect(next.payment_intent_id).not.toBe(start.payment_intent_id);
  });

  it('ACCEPTANCE: the succeeded event delivered many times, and the sync run concurrently, grant exactly one credit', async () => {
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    const start = await startPurchase(pkg.id, client);
    await emulatorControl('/chaos', { mode: 'duplicate', count: 5 });
    await emulatorStripe().paymentIntents.confirm(start.payment_intent_id, { payment_method: 'pm_card_visa' });
    await waitForCredit(start.purchase_id);

    // The real event, re-sent five times at once by the emulator.
    const events = await emulatorStripe().events.list({ type: 'payment_intent.succeeded', limit: 100 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === start.payment_intent_id);
    expect(event).toBeDefined();
    await Promise.all(Array.from({ length: 5 }, () => emulatorControl(`/events/${event!.id}/resend`, {})));
    // Five distinct events for the same PaymentIntent, at once, to both app servers.
    const posted = await Promise.all(
      Array.from({ length: 5 }, (_, i) => {
        const copy = signedEvent('payment_intent.succeeded', { id: start.payment_intent_id, object: 'payment_intent' });
        return postWebhook(copy.payload, copy.header, i % 2);
      }),
    );
    expect(posted.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // And the sync itself, five times at once.
    await Promise.all(Array.from({ length: 5 }, () => payments.syncPaymentIntent(start.payment_intent_id)));
    // Every copy and resend of the event has reached the app and been answered before anything is counted.
    const deliveries = await settledDeliveries([event!.id]);
    expect(deliveries.length).toBeGreaterThan(5);
    expect(deliveries.map((d) => d.status)).toEqual(deliveries.map(() => 'succeeded'));

    const credits = await creditsOfPurchase(start.purchase_id);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ total_uses: 5, remaining_uses: 5 });
    const [byPayment] = await testSql()`select count(*)::int as n from credits where payment_id = ${start.payment_intent_id}`;
    expect(byPayment?.n).toBe(1);
    expect(await entriesOf(credits[0]!.id as string)).toEqual([expect.objectContaining({ kind: 'grant', delta: 5 })]);
    expect(await ledger(start.payment_intent_id)).toHaveLength(1);
    expect(await creditsOffLedger()).toEqual([]);
  });

  it('a declined card grants nothing and fails the purchase; a retry with 4242 grants one credit', async () => {
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    const start = await startPurchase(pkg.id, client);
    await expect(
      emulatorStripe().paymentIntents.confirm(start.payment_intent_id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }),
    ).rejects.toMatchObject({ type: 'StripeCardError', message: 'Your card has insufficient funds.' });
    const failed = await waitFor(() => purchaseRow(start.purchase_id), (p) => p?.status === 'failed');
    expect(failed?.status).toBe('failed');
    expect(await creditsOfPurchase(start.purchase_id)).toHaveLength(0);
    expect((await api<Purchase>(`/api/v1/packages/purchases/${start.purchase_id}`, { token: client.token })).body).toMatchObject({ purchase: { status: 'failed' }, credit: null });

    // Asking again resumes the failed purchase and its PaymentIntent.
    const again = await startPurchase(pkg.id, client);
    expect(again).toMatchObject({ purchase_id: start.purchase_id, payment_intent_id: start.payment_intent_id });
    const credit = await payPurchase(again);
    expect(credit).toMatchObject({ total_uses: 5, remaining_uses: 5 });
    expect(await purchaseRow(start.purchase_id)).toMatchObject({ status: 'paid' });
    expect(await creditsOfPurchase(start.purchase_id)).toHaveLength(1);
  });

  it('refunds take back unused uses: all on a full refund, the share paid back on a partial one', async () => {
    const admin = await adminToken();
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();

    const full = await startPurchase(pkg.id, client);
    const fullCredit = await payPurchase(full);
    await waitFor(() => paymentRow(full.payment_intent_id), (p) => p?.status === 'succeeded');
    const refund = await api(`/api/v1/payments/${full.payment_intent_id}/refund`, { json: { reason: 'Changed my mind' }, token: admin });
    expect(refund.status).toBe(201);
    const revoked = await waitFor(async () => (await creditsOfPurchase(full.purchase_id))[0], (c) => Boolean(c?.revoked_at));
    expect(revoked).toMatchObject({ remaining_uses: 0, total_uses: 5 });
    expect(await entriesOf(fullCredit.id as string)).toEqual([expect.objectContaining({ kind: 'grant', delta: 5 }), expect.objectContaining({ kind: 'revoke', delta: -5 })]);
    const fullView = await api<Purchase>(`/api/v1/packages/purchases/${full.purchase_id}`, { token: client.token });
    expect(fullView.body.credit).toMatchObject({ state: 'revoked', remaining_classes: 0, is_valid: false });

    const part = await startPurchase(pkg.id, client);
    const partCredit = await payPurchase(part);
    await waitFor(() => paymentRow(part.payment_intent_id), (p) => p?.status === 'succeeded');
    // 4000 of 10000 on a 5-pass pays back two classes.
    expect((await api(`/api/v1/payments/${part.payment_intent_id}/refund`, { json: { amount: 4000, reason: 'Two classes back' }, token: admin })).status).toBe(201);
    const partly = await waitFor(async () => (await creditsOfPurchase(part.purchase_id))[0], (c) => c?.remaining_uses === 3);
    expect(partly).toMatchObject({ remaining_uses: 3, revoked_at: null });
    expect(await entriesOf(partCredit.id as string)).toEqual([expect.objectContaining({ kind: 'grant', delta: 5 }), expect.objectContaining({ kind: 'revoke', delta: -2 })]);
    // The same refund applied again (the sync) takes nothing more.
    await payments.syncPaymentIntent(part.payment_intent_id);
    await payments.syncRefunds(part.payment_intent_id);
    expect((await creditsOfPurchase(part.purchase_id))[0]).toMatchObject({ remaining_uses: 3 });

    expect(await creditsOffLedger()).toEqual([]);
  });

  it('a change of price or count never touches credits sold; an open purchase is closed and the next one has the new price', async () => {
    const admin = await adminToken();
    const pkg = await createPackageAsAdmin();
    const buyer = await makeClient();
    const sold = await payPurchase(await startPurchase(pkg.id, buyer));

    const waiting = await makeClient();
    const open = await startPurchase(pkg.id, waiting);
    const patched = await api<PackageBody>(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: { class_count: 8, price: { amount: 12_000, currency: 'gbp' } }, token: admin });
    expect(patched.status).toBe(200);

    expect((await creditsOfPurchase(sold.purchase_id as string))[0]).toMatchObject({ total_uses: 5, remaining_uses: 5, amount_paid: 10_000 });
    expect(await purchaseRow(open.purchase_id)).toMatchObject({ status: 'abandoned', price_amount: 10_000 });
    expect((await emulatorStripe().paymentIntents.retrieve(open.payment_intent_id)).status).toBe('canceled');

    const fresh = await startPurchase(pkg.id, waiting);
    expect(fresh.purchase_id).not.toBe(open.purchase_id);
    expect(fresh.amount).toEqual({ amount: 12_000, currency: 'gbp' });
    const credit = await payPurchase(fresh);
    expect(credit).toMatchObject({ total_uses: 8, amount_paid: 12_000 });
  });

  it('hosted Checkout: the purchase sends the client to Stripe, and the payment there grants the credit', async () => {
    await setSetting('checkout_mode', 'hosted');
    try {
      const pkg = await createPackageAsAdmin();
      const client = await makeClient();
      const res = await api<{ purchase_id: string; mode: string; url: string; checkout_session_id: string; amount: { amount: number } }>(`/api/v1/packages/${pkg.id}/purchase`, {
        method: 'POST',
        token: client.token,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mode: 'hosted', checkout_session_id: expect.stringMatching(/^cs_/), amount: { amount: 10_000 } });
      const paid = await payOnHostedCheckout(res.body.url, res.body.checkout_session_id, '4242424242424242');
      expect(paid.status).toBeLessThan(400);
      const credit = await waitForCredit(res.body.purchase_id);
      expect(credit).toMatchObject({ total_uses: 5, amount_paid: 10_000, payment_id: expect.stringMatching(/^pi_/) });
    } finally {
      await setSetting('checkout_mode', 'payment_element');
    }
  });

  it('who may buy: retired 422, unknown 404, anonymous 401, provider and admin 403', async () => {
    const admin = await adminToken();
    const pkg = await createPackageAsAdmin();
    const client = await makeClient();
    await api(`/api/v1/packages/${pkg.id}`, { method: 'PATCH', json: { active: false }, token: admin });
    const retired = await api<ErrorBody>(`/api/v1/packages/${pkg.id}/purchase`, { method: 'POST', token: client.token });
    expect(retired.status).toBe(422);
    expect(retired.body.error).toMatchObject({ code: 'unprocessable', message: 'This package is no longer sold.' });
    expect((await api(`/api/v1/packages/00000000-0000-4000-8000-000000000000/purchase`, { method: 'POST', token: client.token })).status).toBe(404);
    expect((await api(`/api/v1/packages/nope/purchase`, { method: 'POST', token: client.token })).status).toBe(404);
    const active = await createPackageAsAdmin();
    expect((await api(`/api/v1/packages/${active.id}/purchase`, { method: 'POST' })).status).toBe(401);
    expect((await api(`/api/v1/packages/${active.id}/purchase`, { method: 'POST', token: (await makeProvider()).token })).status).toBe(403);
    expect((await api(`/api/v1/packages/${active.id}/purchase`, { method: 'POST', token: admin })).status).toBe(403);
    const [n] = await testSql()`select count(*)::int as n from package_purchases where package_id in (${pkg.id}, ${active.id})`;
    expect(n?.n).toBe(0);
  });

  it('with PAYMENTS_ENABLED=false a purchase is refused with 422', async () => {
    const server = await startAppServer({ databaseUrl: inject('databaseUrl'), env: { PAYMENTS_ENABLED: 'false' } });
    try {
      const pkg = await createPackageAsAdmin();
      const client = await makeClient();
      const res = await fetch(`${server.url}/api/v1/packages/${pkg.id}/purchase`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } });
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorBody).error.message).toBe('Card payments are switched off.');
    } finally {
      await server.stop();
    }
  });
});
