import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BALANCE_INSUFFICIENT } from '../src/resources/transfers';
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

async function connectedAccount(): Promise<string> {
  const account = await t.stripe.accounts.create({ type: 'express', country: 'GB', capabilities: { transfers: { requested: true } } });
  expect((await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' })).status).toBe(200);
  return account.id;
}

/** A card payment on the platform; its funds net of Stripe's fee (1.5 % + 20). */
async function charge(amount: number, pm = 'pm_card_visa'): Promise<Stripe.PaymentIntent> {
  return t.stripe.paymentIntents.create({ amount, currency: 'gbp', payment_method: pm, confirm: true });
}

async function balance(account?: string): Promise<{ available: number; pending: number }> {
  const b = await t.stripe.balance.retrieve({}, account ? { stripeAccount: account } : {});
  const gbp = (list: Stripe.Balance.Available[] | Stripe.Balance.Pending[]) => list.find((x) => x.currency === 'gbp')?.amount ?? 0;
  return { available: gbp(b.available), pending: gbp(b.pending) };
}

async function events(type: string, account?: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type, limit: 100 }, account ? { stripeAccount: account } : {})).data;
}

describe('balance', () => {
  it('is per account: available and pending per currency, the platform with connect_reserved', async () => {
    const a = await connectedAccount();
    expect(await t.stripe.balance.retrieve()).toMatchObject({
      object: 'balance',
      livemode: false,
      available: [{ amount: 0, currency: 'gbp' }],
      pending: [{ amount: 0, currency: 'gbp' }],
      connect_reserved: [{ amount: 0, currency: 'gbp' }],
    });
    await charge(10_000);
    await t.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const platform = await t.stripe.balance.retrieve();
    expect(platform.available).toEqual([
      { amount: 9_830, currency: 'gbp', source_types: { card: 9_830 } },
      { amount: 4_905, currency: 'usd', source_types: { card: 4_905 } },
    ]);
    const onA = await t.stripe.balance.retrieve({}, { stripeAccount: a });
    expect(onA.available).toEqual([{ amount: 0, currency: 'gbp', source_types: { card: 0 } }]);
    expect(onA).not.toHaveProperty('connect_reserved');
  });
});

describe('transfers', () => {
  it('moves available funds from the platform to the destination, with balance transactions and events on both sides', async () => {
    const a = await connectedAccount();
    await charge(10_000);
    const transfer = await t.stripe.transfers.create({
      amount: 5_000,
      currency: 'gbp',
      destination: a,
      transfer_group: 'booking_42',
      description: 'Coach payout',
      metadata: { booking_id: '42' },
    });
    expect(transfer).toMatchObject({
      object: 'transfer',
      amount: 5_000,
      amount_reversed: 0,
      currency: 'gbp',
      destination: a,
      transfer_group: 'booking_42',
      description: 'Coach payout',
      metadata: { booking_id: '42' },
      reversed: false,
      source_transaction: null,
      livemode: false,
      reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${transfer.id}/reversals` },
    });
    expect(transfer.id).toMatch(/^tr_/);
    expect(await balance()).toEqual({ available: 9_830 - 5_000, pending: 0 });
    expect(await balance(a)).toEqual({ available: 5_000, pending: 0 });

    const platformTxn = await t.stripe.balanceTransactions.retrieve(String(transfer.balance_transaction));
    expect(platformTxn).toMatchObject({ amount: -5_000, net: -5_000, type: 'transfer', source: transfer.id, status: 'available' });
    const payment = await t.stripe.charges.retrieve(String(transfer.destination_payment), { expand: ['balance_transaction'] }, { stripeAccount: a });
    expect(payment).toMatchObject({ amount: 5_000, source_transfer: transfer.id, paid: true, captured: true, payment_method_details: { type: 'stripe_account' } });
    expect(payment.balance_transaction).toMatchObject({ amount: 5_000, net: 5_000, type: 'payment', status: 'available' });
    expect((await failure(t.stripe.charges.retrieve(String(transfer.destination_payment)))).statusCode).toBe(404);

    const [created] = await events('transfer.created');
    expect(created?.data.object).toMatchObject({ id: transfer.id });
    expect(created?.account).toBeUndefined();
    const [available] = await events('balance.available', a);
    expect(available).toMatchObject({ account: a, data: { object: { object: 'balance', available: [{ amount: 5_000, currency: 'gbp' }] } } });
  });

  it('retrieves, updates metadata, and lists with destination, transfer_group, created and pagination', async () => {
    const a = await connectedAccount();
    const b = await connectedAccount();
    await charge(20_000);
    const first = await t.stripe.transfers.create({ amount: 1_000, currency: 'gbp', destination: a, transfer_group: 'g1' });
    const second = await t.stripe.transfers.create({ amount: 2_000, currency: 'gbp', destination: b, transfer_group: 'g1' });
    const third = await t.stripe.transfers.create({ amount: 3_000, currency: 'gbp', destination: a, transfer_group: 'g2' });
    expect(await t.stripe.transfers.retrieve(first.id)).toEqual(first);

    const updated = await t.stripe.transfers.update(first.id, { metadata: { paid: 'yes' } });
    expect(updated.metadata).toEqual({ paid: 'yes' });
    const [event] = await events('transfer.updated');
    expect(event?.data.previous_attributes).toEqual({ metadata: {} });

    const ids = async (params: Stripe.TransferListParams) => (await t.stripe.transfers.list(params)).data.map((tr) => tr.id);
    expect(await ids({})).toEqual([third.id, second.id, first.id]);
    expect(await ids({ destination: a })).toEqual([third.id, first.id]);
    expect(await ids({ transfer_group: 'g1' })).toEqual([second.id, first.id]);
    expect(await ids({ created: { gte: first.created } })).toHaveLength(3);
    expect(await ids({ created: { lt: first.created } })).toEqual([]);
    const page = await t.stripe.transfers.list({ limit: 2 });
    expect([page.data.length, page.has_more]).toEqual([2, true]);
    expect(await ids({ limit: 2, starting_after: page.data[1]?.id })).toEqual([first.id]);
  });

  it('refuses a transfer larger than the available balance with balance_insufficient, leaving nothing behind', async () => {
    const a = await connectedAccount();
    await charge(1_000);
    const before = (await t.stripe.events.list({ limit: 100 })).data.length;
    const err = await failure(t.stripe.transfers.create({ amount: 5_000, currency: 'gbp', destination: a }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([err.statusCode, err.code, err.message]).toEqual([400, 'balance_insufficient', BALANCE_INSUFFICIENT]);
    expect(err.message).toBe(
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
    );
    expect((await t.stripe.transfers.list()).data).toEqual([]);
    expect((await t.stripe.events.list({ limit: 100 })).data.length).toBe(before);
    expect(await balance()).toEqual({ available: 965, pending: 0 });
    expect(await balance(a)).toEqual({ available: 0, pending: 0 });
  });

  it('checks the destination', async () => {
    await charge(10_000);
    const missing = await failure(t.stripe.transfers.create({ amount: 100, currency: 'gbp', destination: 'acct_nobody' }));
    expect([missing.statusCode, missing.code, missing.param, missing.message]).toEqual([400, 'resource_missing', 'destination', "No such destination: 'acct_nobody'"]);
    const pending = await t.stripe.accounts.create({ type: 'express' });
    const inactive = await failure(t.stripe.transfers.create({ amount: 100, currency: 'gbp', destination: pending.id }));
    expect([inactive.code, inactive.param]).toEqual(['insufficient_capabilities_for_transfer', 'destination']);
    const zero = await failure(t.stripe.transfers.create({ amount: 0, currency: 'gbp', destination: pending.id }));
    expect(zero.param).toBe('amount');
  });

  it('source_transaction spends that charge, even while its funds are pending, up to its amount', async () => {
    const a = await connectedAccount();
    expect((await t.control('/balance/hold', { pending: true })).status).toBe(200);
    const pi = await charge(10_000);
    expect(await balance()).toEqual({ available: 0, pending: 9_830 });
    const plain = await failure(t.stripe.transfers.create({ amount: 1_000, currency: 'gbp', destination: a }));
    expect(plain.code).toBe('balance_insufficient');

    const transfer = await t.stripe.transfers.create({ amount: 7_000, currency: 'gbp', destination: a, source_transaction: String(pi.latest_charge) });
    expect(transfer.source_transaction).toBe(pi.latest_charge);
    expect(await balance()).toEqual({ available: 0, pending: 2_830 });
    expect(await balance(a)).toEqual({ available: 0, pending: 7_000 });
    expect(await events('balance.available', a)).toEqual([]);

    const tooMuch = await failure(t.stripe.transfers.create({ amount: 3_001, currency: 'gbp', destination: a, source_transaction: String(pi.latest_charge) }));
    expect([tooMuch.statusCode, tooMuch.param]).toEqual([400, 'amount']);
    const otherCurrency = await failure(t.stripe.transfers.create({ amount: 100, currency: 'usd', destination: a, source_transaction: String(pi.latest_charge) }));
    expect(otherCurrency.param).toBe('currency');
    const unknown = await failure(t.stripe.transfers.create({ amount: 100, currency: 'gbp', destination: a, source_transaction: 'ch_nope' }));
    expect([unknown.code, unknown.param]).toEqual(['resource_missing', 'source_transaction']);

    // Two days later (the default hold) the funds are available on both sides, and both hear of it.
    await t.control('/clock/advance', { seconds: 2 * 86_400 });
    expect(await balance()).toEqual({ available: 2_830, pending: 0 });
    expect(await balance(a)).toEqual({ available: 7_000, pending: 0 });
    expect((await events('balance.available')).length).toBe(1);
    expect((await events('balance.available', a))[0]?.account).toBe(a);
  });
});

describe('the funds hold control', () => {
  it('makes new charge funds pending until released; 4000 0000 0000 0077 still lands available', async () => {
    expect(await (await t.control('/balance/hold')).json()).toEqual({ pending: false, days: 0 });
    const hold = await t.control('/balance/hold', { pending: true, days: 7 });
    expect(await hold.json()).toEqual({ pending: true, days: 7 });
    const pi = await charge(10_000);
    const txn = await t.stripe.balanceTransactions.retrieve(String((await t.stripe.charges.retrieve(String(pi.latest_charge))).balance_transaction));
    expect(txn.status).toBe('pending');
    expect(txn.available_on - txn.created).toBe(7 * 86_400);
    await charge(2_000, 'pm_card_bypassPending');
    expect(await balance()).toEqual({ available: 1_950, pending: 9_830 });

    const released = await t.control('/balance/release', {});
    expect(((await released.json()) as Stripe.Balance).available[0]?.amount).toBe(11_780);
    expect((await t.stripe.balanceTransactions.retrieve(txn.id)).status).toBe('available');
    await t.control('/balance/hold', { pending: false });
    await charge(1_000);
    expect(await balance()).toEqual({ available: 12_745, pending: 0 });
    expect((await t.control('/balance/hold', { pending: 'yes' })).status).toBe(400);
  });

  it('is forgotten on reset', async () => {
    await t.control('/balance/hold', { pending: true });
    await t.control('/reset', {});
    await charge(1_000);
    expect(await balance()).toEqual({ available: 965, pending: 0 });
  });
});

describe('transfer reversals', () => {
  it('reverse part, then the rest: amount_reversed, reversed, balances back, transfer.reversed', async () => {
    const a = await connectedAccount();
    await charge(10_000);
    const transfer = await t.stripe.transfers.create({ amount: 5_000, currency: 'gbp', destination: a });
    const part = await t.stripe.transfers.createReversal(transfer.id, { amount: 2_000, metadata: { reason: 'late cancel' } });
    expect(part).toMatchObject({ object: 'transfer_reversal', amount: 2_000, currency: 'gbp', transfer: transfer.id, metadata: { reason: 'late cancel' }, source_refund: null });
    expect(part.id).toMatch(/^trr_/);
    expect(part.destination_payment_refund).toMatch(/^pyr_/);
    let after = await t.stripe.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 2_000, reversed: false });
    expect(after.reversals.data.map((r) => r.id)).toEqual([part.id]);
    expect(await balance()).toEqual({ available: 4_830 + 2_000, pending: 0 });
    expect(await balance(a)).toEqual({ available: 3_000, pending: 0 });
    expect(await t.stripe.balanceTransactions.retrieve(String(part.balance_transaction))).toMatchObject({ amount: 2_000, type: 'transfer_refund' });

    const rest = await t.stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(3_000);
    after = await t.stripe.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 5_000, reversed: true });
    expect(await balance()).toEqual({ available: 9_830, pending: 0 });
    expect(await balance(a)).toEqual({ available: 0, pending: 0 });
    const payment = await t.stripe.charges.retrieve(String(transfer.destination_payment), {}, { stripeAccount: a });
    expect(payment).toMatchObject({ amount_refunded: 5_000, refunded: true });

    const reversed = await events('transfer.reversed');
    expect(reversed.map((e) => e.data.previous_attributes)).toEqual([
      { amount_reversed: 2_000, reversed: false },
      { amount_reversed: 0, reversed: false },
    ]);
    const list = await t.stripe.transfers.listReversals(transfer.id);
    expect(list.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect(list.url).toBe(`/v1/transfers/${transfer.id}/reversals`);
    expect((await t.stripe.transfers.listReversals(transfer.id, { limit: 1 })).has_more).toBe(true);
    expect(await t.stripe.transfers.retrieveReversal(transfer.id, part.id)).toEqual(part);
    const relabelled = await t.stripe.transfers.updateReversal(transfer.id, part.id, { metadata: { reason: '', note: 'ok' } });
    expect(relabelled.metadata).toEqual({ note: 'ok' });

    const again = await failure(t.stripe.transfers.createReversal(transfer.id));
    expect([again.statusCode, again.param]).toEqual([400, 'amount']);
    expect((await failure(t.stripe.transfers.retrieveReversal(transfer.id, 'trr_nope'))).statusCode).toBe(404);
  });

  it('refuses more than is left, and leaves the transfer as it was', async () => {
    const a = await connectedAccount();
    await charge(10_000);
    const transfer = await t.stripe.transfers.create({ amount: 1_000, currency: 'gbp', destination: a });
    const err = await failure(t.stripe.transfers.createReversal(transfer.id, { amount: 1_001 }));
    expect([err.statusCode, err.param]).toEqual([400, 'amount']);
    expect(err.message).toBe(`Reversal amount (£10.01) is greater than the amount left on transfer ${transfer.id} (£10.00).`);
    expect(await t.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 0, reversed: false });
    expect(await events('transfer.reversed')).toEqual([]);
  });

  it('refund_application_fee on a destination charge transfer returns the fee in proportion', async () => {
    const a = await connectedAccount();
    const pi = await t.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'gbp',
      application_fee_amount: 1_000,
      transfer_data: { destination: a },
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    // The connected account receives the payment less the platform's fee.
    expect(await balance(a)).toEqual({ available: 9_000, pending: 0 });
    const ch = await t.stripe.charges.retrieve(String(pi.latest_charge));
    await t.stripe.transfers.createReversal(String(ch.transfer), { amount: 5_000, refund_application_fee: true });
    const fee = await t.stripe.applicationFees.retrieve(String(ch.application_fee));
    expect(fee).toMatchObject({ amount_refunded: 500, refunded: false });
    expect(await balance(a)).toEqual({ available: 9_000 - 5_000 + 500, pending: 0 });
  });
});
