import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../src/store/state';
import { startTestEmulator, type TestEmulator } from './support';
import { causeEvent, objectId, signatureTime, sleep, startReceiver, type Receiver } from './webhook-receiver';

const CONFIG_SECRET = 'whsec_config_test_secret';
let t: TestEmulator;
/** Gets every event: it is the emulator's configured webhookUrl. */
let cfg: Receiver;
/** For registered endpoints. */
let rcv: Receiver;

beforeAll(async () => {
  cfg = await startReceiver();
  rcv = await startReceiver();
  t = await startTestEmulator({ webhookUrl: cfg.url, webhookSecret: CONFIG_SECRET });
});
afterAll(async () => {
  await t.close();
  await cfg.close();
  await rcv.close();
});
beforeEach(() => {
  t.emu.reset();
  for (const r of [cfg, rcv]) {
    r.clear();
    r.status = 200;
    r.delayMs = 0;
  }
});

async function deliveriesOf(eventId: string): Promise<Delivery[]> {
  const res = await t.control(`/deliveries?event_id=${encodeURIComponent(eventId)}`);
  return ((await res.json()) as { data: Delivery[] }).data;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await sleep(20);
  }
}

async function chaos(body: Record<string, unknown>): Promise<void> {
  const res = await t.control('/chaos', body);
  expect(res.status).toBe(200);
}

describe('webhook endpoints API', () => {
  it('creates an endpoint with a whsec_ secret shown only once, then updates, lists and deletes it', async () => {
    const created = await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['customer.created'], description: 'app', metadata: { a: '1' } });
    expect(created).toMatchObject({ object: 'webhook_endpoint', status: 'enabled', url: rcv.url, enabled_events: ['customer.created'], livemode: false });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);

    const fetched = await t.stripe.webhookEndpoints.retrieve(created.id);
    expect(fetched.secret).toBeUndefined();
    expect(fetched.metadata).toEqual({ a: '1' });

    const updated = await t.stripe.webhookEndpoints.update(created.id, { enabled_events: ['*'], disabled: true, url: cfg.url });
    expect(updated).toMatchObject({ enabled_events: ['*'], status: 'disabled', url: cfg.url });
    expect((await t.stripe.webhookEndpoints.update(created.id, { disabled: false })).status).toBe('enabled');

    const list = await t.stripe.webhookEndpoints.list();
    expect(list.data.map((e) => e.id)).toEqual([created.id]);

    await expect(t.stripe.webhookEndpoints.del(created.id)).resolves.toMatchObject({ id: created.id, object: 'webhook_endpoint', deleted: true });
    await expect(t.stripe.webhookEndpoints.retrieve(created.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('rejects bad input as Stripe does', async () => {
    await expect(t.stripe.webhookEndpoints.create({ url: 'not a url', enabled_events: ['*'] })).rejects.toMatchObject({ statusCode: 400, param: 'url' });
    await expect(t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: [] })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe('delivery', () => {
  it('signs each delivery so constructEvent accepts it with the right secret only', async () => {
    const endpoint = await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['customer.created'] });
    const other = await t.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['charge.succeeded'] });
    const id = await causeEvent(t);
    const [req] = await rcv.waitFor(1);
    const [cfgReq] = await cfg.waitFor(1);
    if (!req || !cfgReq || !endpoint.secret || !other.secret) throw new Error('missing');

    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req.headers['user-agent']).toBe('Stripe/1.0 (+https://stripe.com/docs/webhooks)');
    expect(req.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v0=[0-9a-f]{64}$/);

    const event = t.stripe.webhooks.constructEvent(req.body, req.signature, endpoint.secret);
    expect(event).toMatchObject({ object: 'event', type: 'customer.created', livemode: false, api_version: Stripe.API_VERSION });
    expect(objectId(event)).toBe(id);
    expect(t.stripe.webhooks.constructEvent(cfgReq.body, cfgReq.signature, CONFIG_SECRET).id).toBe(event.id);

    expect(() => t.stripe.webhooks.constructEvent(req.body, req.signature, other.secret ?? '')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => t.stripe.webhooks.constructEvent(req.body.replace('customer', 'kustomer'), req.signature, endpoint.secret ?? '')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    await sleep(100);
    expect(rcv.requests).toHaveLength(1); // the charge.succeeded endpoint got nothing
  });

  it('signs with the time of the delivery, not of the event', async () => {
    const id = await causeEvent(t);
    const [first] = await cfg.waitFor(1);
    if (!first) throw new Error('missing');
    expect(Math.abs(signatureTime(first.signature) - Math.floor(Date.now() / 1000))).toBeLessThanOrEqual(2);

    const advanced = (await (await t.control('/clock/advance', { seconds: 3600 })).json()) as { now: number };
    const res = await t.control(`/events/${first.event.id}/resend`, {});
    expect(res.status).toBe(200);
    const [, second] = await cfg.waitFor(2);
    if (!second) throw new Error('missing');
    expect(second.event.id).toBe(first.event.id);
    expect(objectId(second.event)).toBe(id);
    expect(signatureTime(second.signature) - signatureTime(first.signature)).toBeGreaterThanOrEqual(3599);
    expect(Math.abs(signatureTime(second.signature) - advanced.now)).toBeLessThanOrEqual(2);
    expect(second.event.created).toBe(first.event.created);
    expect(t.stripe.webhooks.constructEvent(second.body, second.signature, CONFIG_SECRET).id).toBe(first.event.id);
  });

  it('retries a failing receiver with growing intervals until it answers 2xx', async () => {
    cfg.status = (n) => (n < 3 ? 500 : 200);
    await causeEvent(t);
    const reqs = await cfg.waitFor(3);
    const [a, b, c] = reqs.map((r) => r.at);
    if (a === undefined || b === undefined || c === undefined) throw new Error('missing');
    expect(new Set(reqs.map((r) => r.event.id)).size).toBe(1);
    expect(b - a).toBeGreaterThanOrEqual(45);
    expect(c - b).toBeGreaterThan(b - a);
    const eventId = reqs[0]?.event.id ?? '';
    const [delivery] = await until(() => deliveriesOf(eventId), (d) => d[0]?.status === 'succeeded');
    expect(delivery?.attempts.map((x) => x.status)).toEqual([500, 500, 200]);
    const event = await until(() => t.stripe.events.retrieve(eventId), (e) => e.pending_webhooks === 0);
    expect(event.pending_webhooks).toBe(0);
  });

  it('gives up after webhookMaxAttempts and marks the delivery failed', async () => {
    cfg.status = 503;
    await causeEvent(t);
    const reqs = await cfg.waitFor(5);
    const eventId = reqs[0]?.event.id ?? '';
    const [delivery] = await until(() => deliveriesOf(eventId), (d) => d[0]?.status === 'failed');
    expect(delivery?.attempts).toHaveLength(5);
    expect(delivery?.next_attempt_at).toBeNull();
    await sleep(900);
    expect(cfg.requests).toHaveLength(5);
    expect((await t.stripe.events.retrieve(eventId)).pending_webhooks).toBe(1);
  });

  it('returns the API call before a slow receiver answers', async () => {
    cfg.delayMs = 2_000;
    const started = Date.now();
    await causeEvent(t);
    expect(Date.now() - started).toBeLessThan(500);
    const [req] = await cfg.waitFor(1);
    const resendStarted = Date.now();
    const res = await t.control(`/events/${req?.event.id ?? ''}/resend`, {});
    expect(res.status).toBe(200);
    expect(Date.now() - resendStarted).toBeLessThan(500);
    // Let the resent delivery arrive now, not in the next test after the receiver was cleared.
    await cfg.waitFor(2);
  });
});

describe('chaos', () => {
  it('duplicate: delivers each event 3 times with the same id, for the next N events only', async () => {
    await chaos({ mode: 'duplicate', count: 1 });
    await causeEvent(t, 'one');
    const reqs = await cfg.waitFor(3);
    expect(new Set(reqs.map((r) => r.event.id)).size).toBe(1);
    await causeEvent(t, 'two');
    await cfg.waitFor(4);
    await sleep(150);
    expect(cfg.requests).toHaveLength(4);
  });

  it('reorder: holds N events and delivers them newest first', async () => {
    await chaos({ mode: 'reorder', count: 3 });
    const ids = [await causeEvent(t, 'a'), await causeEvent(t, 'b'), await causeEvent(t, 'c')];
    const reqs = await cfg.waitFor(3);
    expect(reqs.map((r) => objectId(r.event))).toEqual([...ids].reverse());
  });

  it('reorder: releases a partial batch after windowMs', async () => {
    await chaos({ mode: 'reorder', count: 10, windowMs: 200 });
    const started = Date.now();
    const ids = [await causeEvent(t, 'a'), await causeEvent(t, 'b')];
    const reqs = await cfg.waitFor(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(reqs.map((r) => objectId(r.event))).toEqual([...ids].reverse());
  });

  it('delay: delivers after delayMs', async () => {
    await chaos({ mode: 'delay', count: 1, delayMs: 400 });
    const started = Date.now();
    await causeEvent(t);
    await sleep(250);
    expect(cfg.requests).toHaveLength(0);
    const [req] = await cfg.waitFor(1);
    expect((req?.at ?? 0) - started).toBeGreaterThanOrEqual(390);
  });

  it('drop: the first attempt is never sent, the retry arrives', async () => {
    await chaos({ mode: 'drop', count: 1 });
    await causeEvent(t);
    const [req] = await cfg.waitFor(1);
    const [delivery] = await until(() => deliveriesOf(req?.event.id ?? ''), (d) => d[0]?.status === 'succeeded');
    expect(delivery?.attempts.map((a) => [a.status, a.error])).toEqual([
      [null, 'dropped by chaos'],
      [200, undefined],
    ]);
    expect(cfg.requests).toHaveLength(1);
  });

  it('lose: no attempt is sent and none is retried; the event is still listed by the events API', async () => {
    await chaos({ mode: 'lose', count: 1 });
    const before = await t.stripe.events.list({ limit: 1 });
    await causeEvent(t);
    const [latest] = (await t.stripe.events.list({ limit: 1 })).data;
    expect(latest?.id).not.toBe(before.data[0]?.id);
    const [delivery] = await until(() => deliveriesOf(latest?.id ?? ''), (d) => d[0]?.status === 'failed');
    expect(delivery?.attempts.map((a) => [a.status, a.error])).toEqual([[null, 'lost by chaos']]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cfg.requests).toHaveLength(0);
  });
});

describe('events API', () => {
  it('lists newest first with type, types and created filters and pagination', async () => {
    const start = t.emu.clock.now();
    t.emu.events.emit('customer.created', { object: 'customer', id: 'cus_1' });
    t.emu.clock.advance(10);
    t.emu.events.emit('charge.succeeded', { object: 'charge', id: 'ch_1' });
    t.emu.clock.advance(10);
    t.emu.events.emit('charge.refunded', { object: 'charge', id: 'ch_1' });
    const all = await t.stripe.events.list();
    expect(all.data.map((e) => e.type)).toEqual(['charge.refunded', 'charge.succeeded', 'customer.created']);

    expect((await t.stripe.events.list({ type: 'charge.succeeded' })).data).toHaveLength(1);
    expect((await t.stripe.events.list({ type: 'charge.*' })).data.map((e) => e.type)).toEqual(['charge.refunded', 'charge.succeeded']);
    expect((await t.stripe.events.list({ types: ['customer.created', 'charge.refunded'] })).data).toHaveLength(2);
    expect((await t.stripe.events.list({ created: { gte: start + 10 } })).data.map((e) => e.type)).toEqual(['charge.refunded', 'charge.succeeded']);
    expect((await t.stripe.events.list({ created: { lt: start + 10 } })).data.map((e) => e.type)).toEqual(['customer.created']);

    const page1 = await t.stripe.events.list({ limit: 2 });
    expect(page1.has_more).toBe(true);
    const page2 = await t.stripe.events.list({ limit: 2, starting_after: page1.data[1]?.id });
    expect(page2.data.map((e) => e.type)).toEqual(['customer.created']);
    expect(page2.has_more).toBe(false);
    expect(await t.stripe.events.list({ limit: 1 }).autoPagingToArray({ limit: 10 })).toHaveLength(3);

    const one = all.data[0];
    expect((await t.stripe.events.retrieve(one?.id ?? '')).type).toBe('charge.refunded');
    await expect(t.stripe.events.retrieve('evt_missing')).rejects.toMatchObject({ statusCode: 404 });
  });
});
