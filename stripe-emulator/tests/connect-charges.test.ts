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

/** A connected account put straight into the state (the Connect module is tested on its own). */
function account(id: string, transfers: 'active' | 'inactive' = 'active'): string {
  const acct: Stripe.Account = {
    id,
    object: 'account',
    type: 'express',
    email: 'coach@example.com',
    charges_enabled: transfers === 'active',
    payouts_enabled: transfers === 'active',
    details_submitted: transfers === 'active',
    capabilities: { transfers },
  };
  t.emu.state.put('accounts', id, acct);
  return id;
}

async function eventsOf(type: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type, limit: 100 })).data;
}

async function destinationCharge(amount: number, fee: number, destination: string): Promise<Stripe.Charge> {
  const pi = await t.stripe.paymentIntents.create({
    amount,
    currency: 'gbp',
    application_fee_amount: fee,
    transfer_data: { destination },
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  expect(pi.status).toBe('succeeded');
  expect(pi.application_fee_amount).toBe(fee);
  expect(pi.transfer_data?.destination).toBe(destination);
  return t.stripe.charges.retrieve(String(pi.latest_charge), { expand: ['transfer', 'application_fee'] });
}

describe('destination charges', () => {
  it('creates the transfer to the destination and the application fee, with events', async () => {
    const dest = account('acct_coach1');
    const charge = await destinationCharge(10_000, 1_500, dest);
    expect(charge.application_fee_amount).toBe(1_500);
    expect(charge.transfer_data).toEqual({ amount: null, destination: dest });
    expect(charge.transfer_group).toMatch(/^group_pi_/);
    const transfer = charge.transfer as Stripe.Transfer;
    // Stripe moves the whole amount, then collects the application fee from the connected account.
    expect(transfer).toMatchObject({ object: 'transfer', amount: 10_000, amount_reversed: 0, destination: dest, source_transaction: charge.id, reversed: false });
    const fee = charge.application_fee as Stripe.ApplicationFee;
    expect(fee).toMatchObject({ object: 'application_fee', amount: 1_500, amount_refunded: 0, account: dest, charge: charge.id, refunded: false });
    expect(await t.stripe.applicationFees.retrieve(fee.id)).toEqual(fee);
    expect(await t.stripe.transfers.retrieve(transfer.id)).toEqual(transfer);
    expect((await t.stripe.transfers.list({ destination: dest })).data.map((tr) => tr.id)).toEqual([transfer.id]);
    expect((await t.stripe.applicationFees.list({ charge: charge.id })).data.map((f) => f.id)).toEqual([fee.id]);
    expect((await eventsOf('transfer.created')).map((e) => (e.data.object as Stripe.Transfer).id)).toEqual([transfer.id]);
    expect((await eventsOf('application_fee.created')).map((e) => (e.data.object as Stripe.ApplicationFee).id)).toEqual([fee.id]);
  });

  it('refunds return the fee and reverse the transfer in proportion', async () => {
    const dest = account('acct_coach2');
    const charge = await destinationCharge(10_000, 1_500, dest);
    const half = await t.stripe.refunds.create({ charge: charge.id, amount: 5_000, refund_application_fee: true, reverse_transfer: true });
    expect(half.transfer_reversal).toMatch(/^trr_/);
    let after = await t.stripe.charges.retrieve(charge.id, { expand: ['transfer', 'application_fee'] });
    expect(after).toMatchObject({ amount_refunded: 5_000, refunded: false });
    expect(after.application_fee).toMatchObject({ amount_refunded: 750, refunded: false });
    expect(after.transfer).toMatchObject({ amount_reversed: 5_000, reversed: false });
    expect((after.transfer as Stripe.Transfer).reversals.data[0]).toMatchObject({ amount: 5_000, source_refund: half.id });
    expect((after.application_fee as Stripe.ApplicationFee).refunds.data[0]).toMatchObject({ object: 'fee_refund', amount: 750 });

    await t.stripe.refunds.create({ charge: charge.id, refund_application_fee: true, reverse_transfer: true });
    after = await t.stripe.charges.retrieve(charge.id, { expand: ['transfer', 'application_fee'] });
    expect(after).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect(after.application_fee).toMatchObject({ amount_refunded: 1_500, refunded: true });
    expect(after.transfer).toMatchObject({ amount_reversed: 10_000, reversed: true });
    const [reversed] = await eventsOf('transfer.reversed');
    expect(reversed?.data.previous_attributes).toEqual({ amount_reversed: 5_000, reversed: false });
    expect((await eventsOf('application_fee.refunded')).length).toBe(2);
  });

  it('a plain refund leaves the fee and the transfer alone', async () => {
    const charge = await destinationCharge(4_000, 400, account('acct_coach3'));
    await t.stripe.refunds.create({ charge: charge.id });
    const after = await t.stripe.charges.retrieve(charge.id, { expand: ['transfer', 'application_fee'] });
    expect(after.application_fee).toMatchObject({ amount_refunded: 0 });
    expect(after.transfer).toMatchObject({ amount_reversed: 0 });
    expect(await eventsOf('transfer.reversed')).toEqual([]);
  });

  it('a manual-capture destination charge transfers on capture', async () => {
    const dest = account('acct_coach4');
    const pi = await t.stripe.paymentIntents.create({
      amount: 6_000,
      currency: 'gbp',
      capture_method: 'manual',
      application_fee_amount: 600,
      transfer_data: { destination: dest },
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(await eventsOf('transfer.created')).toEqual([]);
    await t.stripe.paymentIntents.capture(pi.id);
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge), { expand: ['transfer'] });
    expect(charge.transfer).toMatchObject({ amount: 6_000, destination: dest });
    expect(typeof charge.application_fee).toBe('string');
    expect((await eventsOf('transfer.created')).length).toBe(1);
  });

  it('validates the destination and the fee', async () => {
    const missing = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', transfer_data: { destination: 'acct_nope' } }));
    expect([missing.statusCode, missing.param]).toEqual([400, 'transfer_data[destination]']);
    account('acct_pending', 'inactive');
    const inactive = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', transfer_data: { destination: 'acct_pending' } }));
    expect(inactive.message).toMatch(/needs to have at least one of the following capabilities enabled: transfers/);
    const dest = account('acct_ok');
    const tooBig = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', application_fee_amount: 2_001, transfer_data: { destination: dest } }));
    expect([tooBig.statusCode, tooBig.param]).toEqual([400, 'application_fee_amount']);
    const noDest = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', application_fee_amount: 100 }));
    expect([noDest.statusCode, noDest.param]).toEqual([400, 'application_fee_amount']);
    expect((await t.stripe.paymentIntents.list()).data).toEqual([]);
  });
});
