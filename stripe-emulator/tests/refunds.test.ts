import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFUND_SETTLE_MS } from '../src/resources/refunds';
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

async function paid(amount: number, paymentMethod = 'pm_card_visa'): Promise<Stripe.PaymentIntent> {
  return t.stripe.paymentIntents.create({ amount, currency: 'gbp', payment_method: paymentMethod, confirm: true });
}

async function eventsOf(type: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type, limit: 100 })).data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('refunds', () => {
  it('refunds the whole charge by default, by payment_intent', async () => {
    const pi = await paid(3000);
    const refund = await t.stripe.refunds.create({ payment_intent: pi.id, reason: 'requested_by_customer', metadata: { why: 'cancelled' } });
    expect(refund).toMatchObject({ object: 'refund', amount: 3000, status: 'succeeded', charge: pi.latest_charge, payment_intent: pi.id, reason: 'requested_by_customer' });
    expect(refund.metadata).toEqual({ why: 'cancelled' });
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 3000, refunded: true });
    const txn = await t.stripe.balanceTransactions.retrieve(String(refund.balance_transaction));
    expect(txn).toMatchObject({ amount: -3000, type: 'refund', net: -3000 });
    expect((await eventsOf('refund.created')).map((e) => (e.data.object as Stripe.Refund).id)).toEqual([refund.id]);
    const [refunded] = await eventsOf('charge.refunded');
    expect(refunded?.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    expect(await t.stripe.refunds.retrieve(refund.id)).toEqual(refund);
  });

  it('adds partial refunds up, then refuses an over-refund and an already refunded charge', async () => {
    const pi = await paid(3000);
    const charge = String(pi.latest_charge);
    const first = await t.stripe.refunds.create({ charge, amount: 500 });
    const second = await t.stripe.refunds.create({ charge, amount: 355 });
    expect([first.amount, second.amount]).toEqual([500, 355]);
    expect(await t.stripe.charges.retrieve(charge)).toMatchObject({ amount_refunded: 855, refunded: false });
    expect((await eventsOf('charge.refunded')).length).toBe(2);

    const over = await failure(t.stripe.refunds.create({ charge, amount: 2500 }));
    expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(over.statusCode).toBe(400);
    expect(over.param).toBe('amount');
    expect(over.code).toBeUndefined();
    expect(over.message).toBe('Refund amount (£25.00) is greater than unrefunded amount on charge (£21.45)');

    const rest = await t.stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(2145);
    expect(await t.stripe.charges.retrieve(charge)).toMatchObject({ amount_refunded: 3000, refunded: true });
    const done = await failure(t.stripe.refunds.create({ charge }));
    expect(done.code).toBe('charge_already_refunded');
    expect(done.message).toBe(`Charge ${charge} has already been refunded.`);

    const listed = await t.stripe.refunds.list({ charge, limit: 2 });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, second.id]);
    expect(listed.has_more).toBe(true);
  });

  it('formats other currencies in the over-refund message', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const err = await failure(t.stripe.refunds.create({ payment_intent: pi.id, amount: 1001 }));
    expect(err.message).toBe('Refund amount ($10.01) is greater than unrefunded amount on charge ($10.00)');
  });

  it('refuses failed and uncaptured charges, and unknown ones', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
    await failure(t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    const failed = (await t.stripe.paymentIntents.retrieve(pi.id)).latest_charge;
    expect((await failure(t.stripe.refunds.create({ charge: String(failed) }))).statusCode).toBe(400);
    expect((await failure(t.stripe.refunds.create({ payment_intent: pi.id }))).statusCode).toBe(400);
    const held = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
    expect((await failure(t.stripe.refunds.create({ charge: String(held.latest_charge) }))).statusCode).toBe(400);
    const missing = await failure(t.stripe.refunds.create({ charge: 'ch_nope' }));
    expect([missing.statusCode, missing.code, missing.param]).toEqual([404, 'resource_missing', 'charge']);
    const bad = await failure(t.stripe.refunds.create({ payment_intent: pi.id, amount: 0 }));
    expect(bad.statusCode).toBe(400);
    expect((await failure(t.stripe.refunds.create({}))).statusCode).toBe(400);
  });

  it('4000 0000 0000 7726: the refund starts pending and later succeeds (refund.updated)', async () => {
    const pi = await paid(2000, 'pm_card_pendingRefund');
    const refund = await t.stripe.refunds.create({ payment_intent: pi.id });
    expect(refund.status).toBe('pending');
    expect(await t.stripe.charges.retrieve(String(pi.latest_charge))).toMatchObject({ amount_refunded: 2000 });
    await sleep(REFUND_SETTLE_MS + 300);
    expect((await t.stripe.refunds.retrieve(refund.id)).status).toBe('succeeded');
    const [updated] = await eventsOf('refund.updated');
    expect(updated?.data.previous_attributes).toEqual({ status: 'pending' });
    expect((updated?.data.object as Stripe.Refund).status).toBe('succeeded');
    expect((await eventsOf('charge.refund.updated')).length).toBe(1);
  });

  it('4000 0000 0000 5126: the refund starts succeeded and later fails (refund.failed)', async () => {
    const pi = await paid(2000, 'pm_card_refundFail');
    const refund = await t.stripe.refunds.create({ payment_intent: pi.id, amount: 1200 });
    expect(refund.status).toBe('succeeded');
    await sleep(REFUND_SETTLE_MS + 300);
    const after = await t.stripe.refunds.retrieve(refund.id);
    expect(after).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(after.failure_balance_transaction).toMatch(/^txn_/);
    const [failed] = await eventsOf('refund.failed');
    expect(failed?.data.previous_attributes).toEqual({ status: 'succeeded' });
    expect(await t.stripe.charges.retrieve(String(pi.latest_charge))).toMatchObject({ amount_refunded: 0, refunded: false });
  });

  it('a reset cancels pending refund timers', async () => {
    const pi = await paid(2000, 'pm_card_pendingRefund');
    await t.stripe.refunds.create({ payment_intent: pi.id });
    t.emu.reset();
    await sleep(REFUND_SETTLE_MS + 300);
    expect((await t.stripe.events.list({ limit: 100 })).data).toEqual([]);
  });

  it('updates refund metadata', async () => {
    const pi = await paid(2000);
    const refund = await t.stripe.refunds.create({ payment_intent: pi.id, metadata: { a: '1' } });
    const next = await t.stripe.refunds.update(refund.id, { metadata: { b: '2' } });
    expect(next.metadata).toEqual({ a: '1', b: '2' });
  });
});
