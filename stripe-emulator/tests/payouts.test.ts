import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PAYOUT_SETTLE_MS } from '../src/resources/payouts';
import { failure, startTestEmulator, type TestEmulator } from './support';
import { sleep } from './webhook-receiver';

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

/** An onboarded Express account holding `amount` (a transfer from the platform). */
async function fundedAccount(amount: number): Promise<string> {
  const account = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
  await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' });
  await t.stripe.paymentIntents.create({ amount: amount * 2, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true });
  await t.stripe.transfers.create({ amount, currency: 'gbp', destination: account.id });
  return account.id;
}

async function available(account: string): Promise<number> {
  return (await t.stripe.balance.retrieve({}, { stripeAccount: account })).available[0]?.amount ?? 0;
}

async function eventsOn(account: string, type: string): Promise<Stripe.Event[]> {
  return (await t.stripe.events.list({ type }, { stripeAccount: account })).data;
}

describe('payouts on a connected account', () => {
  it('pending, then paid: payout.created and payout.paid on the account', async () => {
    const a = await fundedAccount(5_000);
    const payout = await t.stripe.payouts.create({ amount: 3_000, currency: 'gbp', metadata: { week: '12' } }, { stripeAccount: a });
    expect(payout).toMatchObject({ object: 'payout', amount: 3_000, currency: 'gbp', status: 'pending', method: 'standard', metadata: { week: '12' } });
    expect(await available(a)).toBe(2_000);
    expect((await failure(t.stripe.payouts.retrieve(payout.id))).statusCode).toBe(404);
    await sleep(PAYOUT_SETTLE_MS + 300);
    expect((await t.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: a })).status).toBe('paid');
    expect((await eventsOn(a, 'payout.created'))[0]?.account).toBe(a);
    const [paid] = await eventsOn(a, 'payout.paid');
    expect(paid?.data.previous_attributes).toEqual({ status: 'pending' });
    expect((await t.stripe.payouts.list({ status: 'paid' }, { stripeAccount: a })).data.map((p) => p.id)).toEqual([payout.id]);
  });

  it('the control API makes the next payout fail: payout.failed, money back on the balance', async () => {
    const a = await fundedAccount(5_000);
    expect((await t.control('/payouts/fail-next', { failure_code: 'account_closed' })).status).toBe(200);
    const payout = await t.stripe.payouts.create({ amount: 4_000, currency: 'gbp' }, { stripeAccount: a });
    await sleep(PAYOUT_SETTLE_MS + 300);
    const failed = await t.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: a });
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'account_closed', failure_message: 'The bank account has been closed.' });
    expect(await available(a)).toBe(5_000);
    expect(await eventsOn(a, 'payout.failed')).toHaveLength(1);
    // Only the next one failed.
    const next = await t.stripe.payouts.create({ amount: 1_000, currency: 'gbp' }, { stripeAccount: a });
    await sleep(PAYOUT_SETTLE_MS + 300);
    expect((await t.stripe.payouts.retrieve(next.id, {}, { stripeAccount: a })).status).toBe('paid');
    expect((await t.control('/payouts/fail-next', { failure_code: 'lost_in_post' })).status).toBe(400);
  });

  it('refuses more than is available, and accounts that cannot be paid out yet; a pending payout can be canceled', async () => {
    const a = await fundedAccount(1_000);
    const tooMuch = await failure(t.stripe.payouts.create({ amount: 1_001, currency: 'gbp' }, { stripeAccount: a }));
    expect([tooMuch.statusCode, tooMuch.code]).toEqual([400, 'balance_insufficient']);
    const payout = await t.stripe.payouts.create({ amount: 600, currency: 'gbp' }, { stripeAccount: a });
    const canceled = await t.stripe.payouts.cancel(payout.id, {}, { stripeAccount: a });
    expect(canceled.status).toBe('canceled');
    expect(await available(a)).toBe(1_000);
    expect((await failure(t.stripe.payouts.cancel(payout.id, {}, { stripeAccount: a }))).statusCode).toBe(400);

    const fresh = await t.stripe.accounts.create({ type: 'express' });
    const notYet = await failure(t.stripe.payouts.create({ amount: 100, currency: 'gbp' }, { stripeAccount: fresh.id }));
    expect(notYet.code).toBe('payouts_not_allowed');
  });
});
