import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../src/store/state';
import { type TestEmulator } from './support';
import { causeEvent, sleep, withEmulatorAndReceiver, type Receiver } from './webhook-receiver';

let t: TestEmulator;
let rcv: Receiver;

withEmulatorAndReceiver((emulator, receiver) => {
  t = emulator;
  rcv = receiver;
});

async function json<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

const send = (method: string, path: string, body?: unknown) =>
  fetch(`${t.url}/_emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('control API', () => {
  it('answers health', async () => {
    expect(await json(t.control('/health'))).toEqual({ status: 'ok' });
  });

  it('reset clears every collection', async () => {
    await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    await causeEvent(t);
    await rcv.waitFor(1);
    expect((await t.stripe.events.list()).data).toHaveLength(1);
    expect((await t.control('/reset', {})).status).toBe(200);
    expect((await t.stripe.webhookEndpoints.list()).data).toHaveLength(0);
    expect((await t.stripe.events.list()).data).toHaveLength(0);
    expect((await json<{ data: Delivery[] }>(t.control('/deliveries'))).data).toHaveLength(0);
  });

  it('advances the clock, which dates new objects', async () => {
    const before = await json<{ now: number }>(t.control('/clock'));
    const after = await json<{ now: number }>(t.control('/clock/advance', { seconds: 90 }));
    expect(after.now - before.now).toBeGreaterThanOrEqual(90);
    expect(after.now - before.now).toBeLessThanOrEqual(91);
    const endpoint = await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    expect(endpoint.created).toBeGreaterThanOrEqual(after.now);
    expect((await t.control('/clock/advance', { seconds: 'soon' })).status).toBe(400);
    expect(await json(t.control('/clock/advance', { seconds: -1 }))).toEqual({ error: { message: 'seconds must be a number >= 0.' } });
  });

  it('fail-next 500 makes the next SDK call throw a StripeAPIError once', async () => {
    expect((await t.control('/fail-next', { mode: '500' })).status).toBe(200);
    await expect(t.stripe.webhookEndpoints.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    await expect(t.stripe.webhookEndpoints.list()).resolves.toMatchObject({ object: 'list' });
  });

  it('fail-next drop: stripe-node retries a closed connection once, then gives up without network retries', async () => {
    // One dropped connection is retried by stripe-node even with maxNetworkRetries 0.
    await t.control('/fail-next', { mode: 'drop' });
    await expect(t.stripe.webhookEndpoints.list()).resolves.toMatchObject({ object: 'list' });
    // Two in a row surface as a connection error.
    await t.control('/fail-next', { mode: 'drop', count: 2 });
    await expect(t.stripe.webhookEndpoints.list()).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(t.emu.pendingFailures).toEqual([]);
    // With retries the call survives them (a POST too, thanks to its idempotency key).
    await t.control('/fail-next', { mode: 'drop', count: 2 });
    const patient = t.sdk({ maxNetworkRetries: 2 });
    await expect(patient.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] })).resolves.toMatchObject({ object: 'webhook_endpoint' });
    expect((await t.stripe.webhookEndpoints.list()).data).toHaveLength(1);
    expect((await t.control('/fail-next', { mode: 'explode' })).status).toBe(400);
  });

  it('resends an event to every target or to one endpoint', async () => {
    const a = await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    const b = await t.stripe.webhookEndpoints.create({ url: `${rcv.url}?b`, enabled_events: ['customer.created'] });
    await causeEvent(t);
    const [first] = await rcv.waitFor(2);
    const eventId = first?.event.id ?? '';

    const all = await json<{ data: Delivery[] }>(t.control(`/events/${eventId}/resend`, {}));
    expect(all.data.map((d) => d.endpoint).sort()).toEqual([a.id, b.id].sort());
    await rcv.waitFor(4);

    const one = await json<{ data: Delivery[] }>(t.control(`/events/${eventId}/resend`, { endpoint: b.url }));
    expect(one.data.map((d) => d.endpoint)).toEqual([b.id]);
    await rcv.waitFor(5);
    await sleep(100);
    expect(rcv.requests).toHaveLength(5);
    expect(new Set(rcv.requests.map((r) => r.event.id))).toEqual(new Set([eventId]));

    expect((await t.control('/events/evt_nope/resend', {})).status).toBe(404);
    expect((await t.control(`/events/${eventId}/resend`, { endpoint: 'http://127.0.0.1:1/nowhere' })).status).toBe(400);
  });

  it('lists deliveries newest first, filtered by event, type and status', async () => {
    await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    rcv.status = (_n, r) => (r.event.type === 'charge.failed' ? 500 : 200);
    t.emu.events.emit('customer.created', { object: 'customer', id: 'cus_1' });
    const failing = t.emu.events.emit('charge.failed', { object: 'charge', id: 'ch_1' });
    await rcv.waitFor(2);
    const all = await json<{ data: Delivery[] }>(t.control('/deliveries'));
    expect(all.data.map((d) => d.event_type)).toEqual(['charge.failed', 'customer.created']);
    const byType = await json<{ data: Delivery[] }>(t.control('/deliveries?type=customer.created&status=succeeded'));
    expect(byType.data).toHaveLength(1);
    const byEvent = await json<{ data: Delivery[] }>(t.control(`/deliveries?event_id=${failing.id}`));
    expect(byEvent.data[0]?.attempts[0]?.status).toBe(500);
    expect((await json<{ data: Delivery[] }>(t.control('/deliveries?status=pending'))).data.map((d) => d.event_id)).toEqual([failing.id]);
  });

  it('sets, shows and clears chaos; rejects bad settings', async () => {
    await t.control('/chaos', { mode: 'duplicate', count: 2, copies: 4 });
    await t.control('/chaos', { mode: 'delay', count: 1 });
    expect((await json<{ data: unknown[] }>(t.control('/chaos'))).data).toEqual([
      { mode: 'duplicate', remaining: 2, copies: 4 },
      { mode: 'delay', remaining: 1, delayMs: 2000 },
    ]);
    expect((await send('DELETE', '/chaos')).status).toBe(200);
    expect((await json<{ data: unknown[] }>(t.control('/chaos'))).data).toEqual([]);
    await t.control('/chaos', { mode: 'drop', count: 1 });
    await t.control('/chaos/clear', {});
    expect((await json<{ data: unknown[] }>(t.control('/chaos'))).data).toEqual([]);
    expect((await t.control('/chaos', { mode: 'explode', count: 1 })).status).toBe(400);
    expect((await t.control('/chaos', { mode: 'delay', count: 0 })).status).toBe(400);
    expect((await send('POST', '/chaos', '{not json')).status).toBe(400);
  });

  it('serves an escaped, self-refreshing dashboard', async () => {
    await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    t.emu.events.emit('customer.created', { object: 'customer', id: '<script>alert(1)</script>' });
    await rcv.waitFor(1);
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
    const res = await t.control('/dashboard');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('customer.created');
    for (const text of [pi.id, '£10.00', 'succeeded', 'charge.succeeded']) expect(html).toContain(text);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('renders a receipt for a charge, 404 for an unknown one', async () => {
    const charge = {
      id: 'ch_receipt1',
      object: 'charge',
      amount: 2145,
      amount_refunded: 500,
      currency: 'gbp',
      created: 1_700_000_000,
      status: 'succeeded',
      receipt_number: null,
      description: 'Lesson <1>',
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    } as unknown as Stripe.Charge;
    t.emu.state.put('charges', charge.id, charge);
    const refund = { id: 're_1', object: 'refund', amount: 500, currency: 'gbp', charge: charge.id, status: 'succeeded', created: 1_700_000_100 } as Stripe.Refund;
    t.emu.state.put('refunds', refund.id, refund);
    const res = await t.control(`/receipts/${charge.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const text of ['£21.45', '£5.00', 'visa •••• 4242', 're_1', '2023-11-14', 'Lesson &lt;1&gt;']) expect(html).toContain(text);
    expect((await t.control('/receipts/ch_missing')).status).toBe(404);
  });

  it("serves the receipt a real charge's receipt_url points to", async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2145, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true, expand: ['latest_charge'] });
    const chargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? '');
    await t.stripe.refunds.create({ charge: chargeId, amount: 500 });
    const charge = await t.stripe.charges.retrieve(chargeId);
    expect(charge.receipt_url).toBe(`${t.url}/_emulator/receipts/${chargeId}`);
    const html = await (await fetch(charge.receipt_url ?? '')).text();
    for (const text of ['£21.45', '£5.00', '4242', chargeId]) expect(html).toContain(text);
  });
});
