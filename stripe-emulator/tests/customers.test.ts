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

describe('customers', () => {
  it('creates, retrieves and updates with the metadata merge rule; events carry previous_attributes', async () => {
    const c = await t.stripe.customers.create({ email: 'ann@example.com', name: 'Ann', metadata: { user_id: '7', plan: 'a' } });
    expect(c).toMatchObject({ object: 'customer', email: 'ann@example.com', name: 'Ann', balance: 0, livemode: false, metadata: { user_id: '7', plan: 'a' } });
    expect(c.id).toMatch(/^cus_/);
    expect(c.invoice_settings.default_payment_method).toBeNull();
    expect(await t.stripe.customers.retrieve(c.id)).toEqual(c);

    const u = await t.stripe.customers.update(c.id, { name: 'Ann B', metadata: { plan: '', tier: 'gold' } });
    expect(u.metadata).toEqual({ user_id: '7', tier: 'gold' });
    expect(u.name).toBe('Ann B');
    const [updated] = (await t.stripe.events.list({ type: 'customer.updated' })).data;
    expect(updated?.data.previous_attributes).toMatchObject({ name: 'Ann', metadata: { user_id: '7', plan: 'a' } });
    expect((await t.stripe.events.list({ type: 'customer.created' })).data.length).toBe(1);
  });

  it('lists newest first with email filter and cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await t.stripe.customers.create({ email: i % 2 ? 'odd@example.com' : 'even@example.com' })).id);
    const page = await t.stripe.customers.list({ limit: 2 });
    expect(page.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(page.has_more).toBe(true);
    const next = await t.stripe.customers.list({ limit: 2, starting_after: ids[1] });
    expect(next.data.map((c) => c.id)).toEqual(ids.slice(2, 4));
    const odd = await t.stripe.customers.list({ email: 'odd@example.com' });
    expect(odd.data.length).toBe(2);
    const all: string[] = [];
    for await (const c of t.stripe.customers.list({ limit: 2 })) all.push(c.id);
    expect(all).toEqual(ids);
  });

  it('searches by email and by metadata', async () => {
    const a = await t.stripe.customers.create({ email: 'x@y.com', metadata: { user_id: '1' } });
    await t.stripe.customers.create({ email: 'z@y.com', metadata: { user_id: '2' } });
    const byEmail = await t.stripe.customers.search({ query: "email:'x@y.com'" });
    expect(byEmail.object).toBe('search_result');
    expect(byEmail.data.map((c) => c.id)).toEqual([a.id]);
    expect(byEmail.has_more).toBe(false);
    expect(byEmail.next_page).toBeNull();
    expect(byEmail.url).toBe('/v1/customers/search');
    const byMeta = await t.stripe.customers.search({ query: "metadata['user_id']:'1'" });
    expect(byMeta.data.map((c) => c.id)).toEqual([a.id]);
    const both = await t.stripe.customers.search({ query: "email:'x@y.com' AND metadata['user_id']:'2'" });
    expect(both.data).toEqual([]);
    const either = await t.stripe.customers.search({ query: `email:"x@y.com" OR metadata["user_id"]:"2"` });
    expect(either.data.length).toBe(2);
    const bad = await failure(t.stripe.customers.search({ query: 'email = x' }));
    expect([bad.statusCode, bad.param]).toEqual([400, 'query']);
  });

  it('deletes: retrieve then answers deleted, lists and searches forget it', async () => {
    const c = await t.stripe.customers.create({ email: 'gone@example.com' });
    const del = await t.stripe.customers.del(c.id);
    expect(del).toMatchObject({ id: c.id, object: 'customer', deleted: true });
    expect(await t.stripe.customers.retrieve(c.id)).toMatchObject({ id: c.id, deleted: true });
    expect((await t.stripe.customers.list()).data).toEqual([]);
    expect((await t.stripe.customers.search({ query: "email:'gone@example.com'" })).data).toEqual([]);
    const [event] = (await t.stripe.events.list({ type: 'customer.deleted' })).data;
    expect((event?.data.object as Stripe.Customer).email).toBe('gone@example.com');
    expect((await failure(t.stripe.customers.update(c.id, { name: 'x' }))).statusCode).toBe(404);
    const missing = await failure(t.stripe.customers.retrieve('cus_nope'));
    expect([missing.statusCode, missing.message]).toEqual([404, "No such customer: 'cus_nope'"]);
  });

  it('attaches a payment method at creation and sets the invoice default', async () => {
    const pm = await t.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2035 } });
    const c = await t.stripe.customers.create({ payment_method: pm.id, invoice_settings: { default_payment_method: pm.id } });
    expect(c.invoice_settings.default_payment_method).toBe(pm.id);
    expect((await t.stripe.paymentMethods.retrieve(pm.id)).customer).toBe(c.id);
    const expanded = await t.stripe.customers.retrieve(c.id, { expand: ['invoice_settings.default_payment_method'] });
    expect(((expanded as Stripe.Customer).invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');
  });
});
