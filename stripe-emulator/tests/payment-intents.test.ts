import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, startTestEmulator, type TestEmulator } from './support';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.emu.reset();
});

async function events(type: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type, limit: 100 })).data;
}

describe('PaymentIntent lifecycle', () => {
  it('creates in requires_payment_method with a client secret and no charge', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'GBP', metadata: { booking_id: '42' }, description: 'Session' });
    expect(pi.object).toBe('payment_intent');
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.currency).toBe('gbp');
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`));
    expect(pi.latest_charge).toBeNull();
    expect(pi.last_payment_error).toBeNull();
    expect(pi.metadata).toEqual({ booking_id: '42' });
    expect(pi.capture_method).toBe('automatic');
    expect(pi.automatic_payment_methods).toEqual({ allow_redirects: 'always', enabled: true });
    const created = await events('payment_intent.created');
    expect(created.map((e) => (e.data.object as Stripe.PaymentIntent).id)).toEqual([pi.id]);
    expect(await t.stripe.paymentIntents.retrieve(pi.id)).toEqual(pi);
  });

  it('refuses amounts under the currency minimum with Stripe message', async () => {
    const usd = await failure(t.stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(usd).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(usd.code).toBe('amount_too_small');
    expect(usd.param).toBe('amount');
    expect(usd.message).toBe('Amount must be at least $0.50 usd');
    const gbp = await failure(t.stripe.paymentIntents.create({ amount: 29, currency: 'gbp' }));
    expect(gbp.message).toBe('Amount must be at least £0.30 gbp');
    const missing = await failure(t.stripe.paymentIntents.create({ currency: 'gbp' } as Stripe.PaymentIntentCreateParams));
    expect([missing.code, missing.param]).toEqual(['parameter_missing', 'amount']);
  });

  it('confirms with pm_card_visa: succeeded, a captured charge with its balance transaction, events with previous_attributes', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', receipt_email: 'a@b.co' });
    const done = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(done.status).toBe('succeeded');
    expect(done.amount_received).toBe(2000);
    expect(done.payment_method).toMatch(/^pm_/);
    expect(done.payment_method).not.toBe('pm_card_visa');
    const charge = await t.stripe.charges.retrieve(String(done.latest_charge), { expand: ['balance_transaction'] });
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, captured: true, amount_captured: 2000, amount_refunded: 0, refunded: false });
    expect(charge.receipt_email).toBe('a@b.co');
    expect(charge.receipt_url).toBe(`${t.url}/_emulator/receipts/${charge.id}`);
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242', funding: 'credit', country: 'US' });
    expect(charge.outcome).toMatchObject({ type: 'authorized', network_status: 'approved_by_network' });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({ object: 'balance_transaction', amount: 2000, fee: 50, net: 1950, type: 'charge', status: 'available', currency: 'gbp' });
    const [succeeded] = await events('payment_intent.succeeded');
    expect(succeeded?.data.previous_attributes).toMatchObject({ status: 'requires_payment_method' });
    expect((succeeded?.data.object as Stripe.PaymentIntent).status).toBe('succeeded');
    expect((await events('charge.succeeded')).length).toBe(1);
    const listed = await t.stripe.charges.list({ payment_intent: pi.id });
    expect(listed.data.map((c) => c.id)).toEqual([charge.id]);
  });

  it('creates and confirms in one call, and expands latest_charge', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, expand: ['latest_charge'] });
    expect(pi.status).toBe('succeeded');
    expect((pi.latest_charge as Stripe.Charge).object).toBe('charge');
  });

  it('with a payment method but no confirm waits in requires_confirmation', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp', payment_method: 'pm_card_visa' });
    expect(pi.status).toBe('requires_confirmation');
    expect((await t.stripe.paymentIntents.confirm(pi.id)).status).toBe('succeeded');
  });

  it('refuses to confirm without a payment method, or twice', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const missing = await failure(t.stripe.paymentIntents.confirm(pi.id));
    expect(missing.statusCode).toBe(400);
    expect(missing.code).toBe('payment_intent_unexpected_state');
    expect(missing.message).toMatch(/^You cannot confirm this PaymentIntent because it's missing a payment method\./);
    expect(missing.payment_intent?.id).toBe(pi.id);
    await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const again = await failure(t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }));
    expect(again.message).toBe('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.');
    const canceled = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    await t.stripe.paymentIntents.cancel(canceled.id);
    const err = await failure(t.stripe.paymentIntents.confirm(canceled.id, { payment_method: 'pm_card_visa' }));
    expect(err.message).toMatch(/because it has a status of canceled/);
  });

  it('cancels from allowed states only, with Stripe message otherwise', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const canceled = await t.stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'requested_by_customer' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer' });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    const [event] = await events('payment_intent.canceled');
    expect(event?.data.previous_attributes).toEqual({ status: 'requires_payment_method' });

    const paid = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
    const err = await failure(t.stripe.paymentIntents.cancel(paid.id));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.code).toBe('payment_intent_unexpected_state');
    expect(err.message).toBe(
      'You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.',
    );
  });

  it('manual capture: requires_capture, then a partial capture succeeds once', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 5000, currency: 'gbp', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
    expect(pi).toMatchObject({ status: 'requires_capture', amount_capturable: 5000, amount_received: 0 });
    const auth = await t.stripe.charges.retrieve(String(pi.latest_charge));
    expect(auth).toMatchObject({ captured: false, paid: true, balance_transaction: null });
    expect((await events('payment_intent.amount_capturable_updated')).length).toBe(1);
    const refund = await failure(t.stripe.refunds.create({ payment_intent: pi.id }));
    expect(refund.statusCode).toBe(400);

    const captured = await t.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 4000 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 4000, amount_capturable: 0 });
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 4000, amount_refunded: 1000 });
    expect((await events('charge.captured')).length).toBe(1);
    const again = await failure(t.stripe.paymentIntents.capture(pi.id));
    expect(again.message).toBe('This PaymentIntent could not be captured because it has already been captured.');
  });

  it('refuses capture unless requires_capture, and cancel releases an authorisation', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const err = await failure(t.stripe.paymentIntents.capture(pi.id));
    expect(err.message).toBe(
      'This PaymentIntent could not be captured because it has a status of requires_payment_method. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.',
    );
    const held = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
    const canceled = await t.stripe.paymentIntents.cancel(held.id);
    expect(canceled.status).toBe('canceled');
    expect(await t.stripe.charges.retrieve(String(held.latest_charge))).toMatchObject({ refunded: true, amount_refunded: 1500 });
  });

  it('updates only in modifiable states, merging metadata and clearing last_payment_error', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp', metadata: { a: '1', b: '2' } });
    await failure(t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).last_payment_error).not.toBeNull();
    const updated = await t.stripe.paymentIntents.update(pi.id, { amount: 1800, metadata: { a: '', c: '3' } });
    expect(updated).toMatchObject({ amount: 1800, metadata: { b: '2', c: '3' }, last_payment_error: null, status: 'requires_payment_method' });
    await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const err = await failure(t.stripe.paymentIntents.update(pi.id, { amount: 2500 }));
    expect(err.code).toBe('payment_intent_unexpected_state');
    expect(err.message).toMatch(/could not be updated because it has a status of succeeded/);
    expect((await t.stripe.paymentIntents.update(pi.id, { metadata: { late: 'yes' } })).metadata.late).toBe('yes');
  });

  it('lets the browser retrieve and confirm with the publishable key and the client secret only', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1500, currency: 'gbp' });
    const pk = t.browserSdk();
    const seen = await pk.paymentIntents.retrieve(pi.id, { client_secret: pi.client_secret ?? '' } as Stripe.PaymentIntentRetrieveParams);
    expect(seen.id).toBe(pi.id);
    const none = await failure(pk.paymentIntents.retrieve(pi.id));
    expect(none.param).toBe('client_secret');
    const wrong = await failure(pk.paymentIntents.retrieve(pi.id, { client_secret: `${pi.id}_secret_nope` } as Stripe.PaymentIntentRetrieveParams));
    expect(wrong.message).toBe('The client_secret provided does not match the client_secret associated with the PaymentIntent.');
    const confirmed = await pk.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa', client_secret: pi.client_secret } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe('succeeded');
    const denied = await failure(pk.paymentIntents.create({ amount: 1500, currency: 'gbp' }));
    expect(denied).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('lists by customer with cursor pagination, and answers 404 in Stripe words', async () => {
    const customer = await t.stripe.customers.create({ email: 'list@example.com' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.unshift((await t.stripe.paymentIntents.create({ amount: 1000 + i, currency: 'gbp', customer: customer.id })).id);
    await t.stripe.paymentIntents.create({ amount: 999, currency: 'gbp' });
    const first = await t.stripe.paymentIntents.list({ customer: customer.id, limit: 2 });
    expect(first.data.map((p) => p.id)).toEqual(ids.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await t.stripe.paymentIntents.list({ customer: customer.id, limit: 2, starting_after: ids[1] });
    expect(second.data.map((p) => p.id)).toEqual(ids.slice(2));
    expect(second.has_more).toBe(false);
    const missing = await failure(t.stripe.paymentIntents.retrieve('pi_missing'));
    expect([missing.statusCode, missing.code, missing.message]).toEqual([404, 'resource_missing', "No such payment_intent: 'pi_missing'"]);
  });

  it('answers bad input with 400s, never a 500', async () => {
    const bad = await failure(t.stripe.paymentIntents.create({ amount: 'ten' as unknown as number, currency: 'gbp' }));
    expect([bad.statusCode, bad.param]).toEqual([400, 'amount']);
    const method = await failure(t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', capture_method: 'later' as 'manual' }));
    expect([method.statusCode, method.param]).toEqual([400, 'capture_method']);
    const pm = await failure(t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', payment_method: 'pm_nope' }));
    expect([pm.statusCode, pm.param]).toEqual([404, 'payment_method']);
    const cus = await failure(t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', customer: 'cus_nope' }));
    expect([cus.statusCode, cus.param]).toEqual([404, 'customer']);
  });
});
