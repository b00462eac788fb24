import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './support';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    success_url: 'http://shop.test/done?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://shop.test/cancelled',
    customer_email: 'client@example.test',
    client_reference_id: 'booking_42',
    line_items: [{ quantity: 1, price_data: { currency: 'gbp', unit_amount: 2500, product_data: { name: 'Morning yoga' } } }],
    payment_intent_data: { metadata: { payable_type: 'booking', payable_id: '42' } },
    metadata: { booking_id: '42' },
    ...overrides,
  };
}

/** Submits the hosted page's form as a browser would, without following the redirect. */
async function submit(session: Stripe.Checkout.Session, path: 'pay' | 'authenticate', fields: Record<string, string>): Promise<Response> {
  return fetch(`${t.url}/_emulator/checkout/${session.id}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

const card = (number: string) => ({ number, expiry: '12 / 34', cvc: '123', postal_code: 'SW1A 1AA', email: 'client@example.test' });

describe('Checkout Sessions', () => {
  it('creates an open, unpaid session with a hosted page and its line items', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2500,
      currency: 'gbp',
      payment_intent: null,
      client_reference_id: 'booking_42',
      metadata: { booking_id: '42' },
    });
    expect(session.expires_at - session.created).toBe(24 * 3600);
    const page = await fetch(session.url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('£25.00');
    const items = await t.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data).toEqual([expect.objectContaining({ description: 'Morning yoga', quantity: 1, amount_total: 2500, currency: 'gbp' })]);
  });

  it('completes when the customer pays: PaymentIntent created with payment_intent_data, event sent, redirect to success_url', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    const res = await submit(session, 'pay', card('4242 4242 4242 4242'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`http://shop.test/done?session=${session.id}`);
    const done = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', customer_details: { email: 'client@example.test' } });
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'succeeded', amount: 2500, currency: 'gbp', metadata: { payable_type: 'booking', payable_id: '42' } });
    const events = t.emu.state.all('events').filter((e) => e.type === 'checkout.session.completed');
    expect(events.map((e) => (e.data.object as Stripe.Checkout.Session).id)).toContain(session.id);
  });

  it("shows the card's own message on a decline, stays open, and takes a retry on the same PaymentIntent", async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    const declined = await submit(session, 'pay', card('4000 0000 0000 9995'));
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card has insufficient funds.');
    const open = await t.stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe('open');
    const firstIntent = open.payment_intent;
    expect(firstIntent).toEqual(expect.stringMatching(/^pi_/));
    expect((await submit(session, 'pay', card('4242424242424242'))).status).toBe(303);
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBe(firstIntent);
  });

  it('asks for 3-D Secure and completes after authentication', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    const step = await submit(session, 'pay', card('4000002500003155'));
    expect(step.status).toBe(200);
    expect(await step.text()).toContain('3D Secure authentication');
    expect((await submit(session, 'authenticate', { outcome: 'fail' })).status).toBe(402);
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect((await submit(session, 'pay', card('4000002500003155'))).status).toBe(200);
    expect((await submit(session, 'authenticate', { outcome: 'succeed' })).status).toBe(303);
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });

  it('expires on request, once, with checkout.session.expired', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    const expired = await t.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null, payment_status: 'unpaid' });
    await expect(t.stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
    expect(t.emu.state.all('events').some((e) => e.type === 'checkout.session.expired' && (e.data.object as { id: string }).id === session.id)).toBe(true);
    expect((await fetch(session.url ?? '')).status).toBe(410);
  });

  it('expires by itself when the clock passes expires_at', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 31 * 60 }));
    const advanced = await t.control('/clock/advance', { seconds: 32 * 60 });
    expect(advanced.status).toBe(200);
    await expect.poll(() => t.emu.state.all('events').some((e) => e.type === 'checkout.session.expired' && (e.data.object as { id: string }).id === session.id), { timeout: 3_000 }).toBe(true);
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
  });

  it('refuses bad parameters as Stripe does', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(t.stripe.checkout.sessions.create(sessionParams({ expires_at: now + 60 }))).rejects.toMatchObject({ param: 'expires_at', statusCode: 400 });
    await expect(t.stripe.checkout.sessions.create(sessionParams({ line_items: [] }))).rejects.toMatchObject({ statusCode: 400 });
    await expect(t.stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('lists sessions by PaymentIntent', async () => {
    const session = await t.stripe.checkout.sessions.create(sessionParams());
    await submit(session, 'pay', card('4242424242424242'));
    const paid = await t.stripe.checkout.sessions.retrieve(session.id);
    const list = await t.stripe.checkout.sessions.list({ payment_intent: paid.payment_intent as string });
    expect(list.data.map((s) => s.id)).toEqual([session.id]);
  });
});
