import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, PUBLISHABLE_KEY, startTestEmulator, type TestEmulator } from './support';

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

describe('payment methods', () => {
  it('creates a card from details with the publishable key, with Stripe card fields', async () => {
    const pk = new Stripe(PUBLISHABLE_KEY, { host: '127.0.0.1', port: Number(new URL(t.url).port), protocol: 'http', maxNetworkRetries: 0 });
    const pm = await pk.paymentMethods.create({
      type: 'card',
      card: { number: '4242424242424242', exp_month: 8, exp_year: 2031, cvc: '123' },
      billing_details: { name: 'Ann', email: 'ann@example.com', address: { postal_code: 'N1 1AA', country: 'GB' } },
    });
    expect(pm).toMatchObject({ object: 'payment_method', type: 'card', customer: null, livemode: false });
    expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2031, funding: 'credit', country: 'US', display_brand: 'visa' });
    expect(pm.card?.checks).toEqual({ address_line1_check: null, address_postal_code_check: null, cvc_check: 'unchecked' });
    expect(pm.card?.fingerprint).toMatch(/^\w{16}$/);
    expect(pm.billing_details).toMatchObject({ name: 'Ann', email: 'ann@example.com', address: { postal_code: 'N1 1AA', country: 'GB', city: null } });
    expect(await t.stripe.paymentMethods.retrieve(pm.id)).toEqual(pm);
    // The same card always has the same fingerprint.
    const again = await t.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2032 } });
    expect(again.card?.fingerprint).toBe(pm.card?.fingerprint);
  });

  it('resolves pm_card_* test ids to a fresh card each time', async () => {
    const a = await t.stripe.paymentMethods.retrieve('pm_card_visa');
    const b = await t.stripe.paymentMethods.retrieve('pm_card_visa');
    expect(a.id).toMatch(/^pm_/);
    expect(a.id).not.toBe(b.id);
    expect(a.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expect((await t.stripe.paymentMethods.retrieve('pm_card_mastercard')).card?.brand).toBe('mastercard');
    const missing = await failure(t.stripe.paymentMethods.retrieve('pm_unknown'));
    expect([missing.statusCode, missing.code]).toEqual([404, 'resource_missing']);
  });

  it('attaches, lists per customer and type, and detaches, with events', async () => {
    const customer = await t.stripe.customers.create({ email: 'pm@example.com' });
    const other = await t.stripe.customers.create({ email: 'other@example.com' });
    const attached = await t.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    const second = await t.stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id });
    await t.stripe.paymentMethods.attach('pm_card_visa', { customer: other.id });

    const list = await t.stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(list.data.map((p) => p.id)).toEqual([second.id, attached.id]);
    const viaCustomer = await t.stripe.customers.listPaymentMethods(customer.id, { limit: 1 });
    expect(viaCustomer.data.map((p) => p.id)).toEqual([second.id]);
    expect(viaCustomer.has_more).toBe(true);

    const taken = await failure(t.stripe.paymentMethods.attach(attached.id, { customer: other.id }));
    expect(taken.statusCode).toBe(400);

    const detached = await t.stripe.paymentMethods.detach(attached.id);
    expect(detached.customer).toBeNull();
    const again = await failure(t.stripe.paymentMethods.detach(attached.id));
    expect(again.statusCode).toBe(400);
    expect((await t.stripe.paymentMethods.list({ customer: customer.id })).data.map((p) => p.id)).toEqual([second.id]);

    expect((await t.stripe.events.list({ type: 'payment_method.attached' })).data.length).toBe(3);
    const [event] = (await t.stripe.events.list({ type: 'payment_method.detached' })).data;
    expect(event?.data.previous_attributes).toEqual({ customer: customer.id });
    const nobody = await failure(t.stripe.paymentMethods.attach('pm_card_visa', { customer: 'cus_nobody' }));
    expect([nobody.statusCode, nobody.param]).toEqual([404, 'customer']);
  });

  it('updates metadata and billing details', async () => {
    const pm = await t.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 8, exp_year: 2031 }, metadata: { a: '1' } });
    const next = await t.stripe.paymentMethods.update(pm.id, { metadata: { a: '', b: '2' }, billing_details: { name: 'New' } });
    expect(next.metadata).toEqual({ b: '2' });
    expect(next.billing_details.name).toBe('New');
  });

  it('refuses unsupported types and missing card details as invalid requests', async () => {
    const type = await failure(t.stripe.paymentMethods.create({ type: 'sepa_debit' }));
    expect([type.statusCode, type.param]).toEqual([400, 'type']);
    const card = await failure(t.stripe.paymentMethods.create({ type: 'card' }));
    expect([card.statusCode, card.code]).toEqual([400, 'parameter_missing']);
    const number = await failure(t.stripe.paymentMethods.create({ type: 'card', card: { exp_month: 1, exp_year: 2030 } as Stripe.PaymentMethodCreateParams.Card }));
    expect([number.statusCode, number.param]).toEqual([400, 'card[number]']);
  });
});
