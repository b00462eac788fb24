import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../src/http/idempotency';
import { failure, SECRET_KEY, startTestEmulator, type TestEmulator } from './support';

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

async function intentCount(): Promise<number> {
  return (await t.stripe.paymentIntents.list({ limit: 100 })).data.length;
}

describe('idempotent requests through the SDK', () => {
  it('replays the first response for the same key and parameters', async () => {
    const params = { amount: 2000, currency: 'gbp', metadata: { booking_id: '1' } };
    const first = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'booking-1' });
    const second = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'booking-1' });
    expect(second.id).toBe(first.id);
    expect(second.client_secret).toBe(first.client_secret);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await intentCount()).toBe(1);
    expect((await t.stripe.events.list({ type: 'payment_intent.created' })).data.length).toBe(1);
  });

  it('replays a decline (402) without charging again', async () => {
    const params = { amount: 2000, currency: 'gbp', payment_method: 'pm_card_chargeDeclined', confirm: true };
    const a = await failure(t.stripe.paymentIntents.create(params, { idempotencyKey: 'declined' }));
    const b = await failure(t.stripe.paymentIntents.create(params, { idempotencyKey: 'declined' }));
    expect(b).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(b.payment_intent?.id).toBe(a.payment_intent?.id);
    expect(b.headers?.['idempotent-replayed']).toBe('true');
    expect((await t.stripe.charges.list()).data.length).toBe(1);
  });

  it('a confirm with the same key runs once', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
    const a = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: 'confirm-1' });
    const b = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: 'confirm-1' });
    expect(b.latest_charge).toBe(a.latest_charge);
    expect((await t.stripe.charges.list()).data.length).toBe(1);
  });

  it('refuses the same key with other parameters (StripeIdempotencyError)', async () => {
    await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' }, { idempotencyKey: 'k-1' });
    const err = await failure(t.stripe.paymentIntents.create({ amount: 2500, currency: 'gbp' }, { idempotencyKey: 'k-1' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/^Keys for idempotent requests can only be used with the same parameters they were first used with/);
    expect(await intentCount()).toBe(1);
  });

  it('answers 409 while a request with the same key is in flight', async () => {
    // API handlers are synchronous, so two real requests can never overlap inside the
    // emulator; mark the key in flight the way the server does when a request starts.
    const body = new URLSearchParams({ amount: '2000', currency: 'gbp' }).toString();
    const replay = t.emu.idempotency.begin(SECRET_KEY, 'in-flight', IdempotencyStore.fingerprint('POST', '/v1/payment_intents', body));
    expect(replay).toBeUndefined();
    const err = await failure(t.sdk({ maxNetworkRetries: 0 }).paymentIntents.create({ amount: 2000, currency: 'gbp' }, { idempotencyKey: 'in-flight' }));
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe('idempotency_key_in_use');
    expect(await intentCount()).toBe(0);
    // Once the first request is over, a retry gets its response.
    t.emu.idempotency.abandon(SECRET_KEY, 'in-flight');
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' }, { idempotencyKey: 'in-flight' });
    expect(pi.status).toBe('requires_payment_method');
  });

  it('the SDK retries a 500 with its own idempotency key and creates exactly one intent', async () => {
    const stripe = t.sdk({ maxNetworkRetries: 2 });
    t.emu.pendingFailures.push('500');
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
    expect(pi.status).toBe('succeeded');
    // The key the SDK generated reaches the emulator: the events name it as their request's key.
    const [created] = (await t.stripe.events.list({ type: 'payment_intent.created' })).data;
    expect(created?.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
    expect(await intentCount()).toBe(1);
    expect((await t.stripe.charges.list()).data.length).toBe(1);
  });

  it('the SDK retries a dropped connection and still creates exactly one intent', async () => {
    const stripe = t.sdk({ maxNetworkRetries: 2 });
    t.emu.pendingFailures.push('drop');
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
    expect(pi.status).toBe('requires_payment_method');
    expect(await intentCount()).toBe(1);
  });

  it('without retries the injected 500 surfaces as StripeAPIError and nothing is created', async () => {
    t.emu.pendingFailures.push('500');
    const err = await failure(t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(await intentCount()).toBe(0);
  });
});
