import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { failure, SECRET_KEY, type TestEmulator } from './support';
import { withEmulatorAndReceiver, type Receiver } from './webhook-receiver';

let t: TestEmulator;
let rcv: Receiver;

withEmulatorAndReceiver((emulator, receiver) => {
  t = emulator;
  rcv = receiver;
});

/** An Express account that finished onboarding (charges and transfers active). */
async function connectedAccount(): Promise<string> {
  const account = await t.stripe.accounts.create({ type: 'express', country: 'GB', capabilities: { transfers: { requested: true } } });
  const res = await t.control(`/connect/accounts/${account.id}/onboarding`, { outcome: 'complete' });
  expect(res.status).toBe(200);
  return account.id;
}

describe('Stripe-Account header', () => {
  it('objects created on a connected account live there only', async () => {
    const a = await connectedAccount();
    const b = await connectedAccount();
    const customer = await t.stripe.customers.create({ email: 'on-a@example.com' }, { stripeAccount: a });
    expect(customer.lastResponse.stripeAccount).toBe(a);
    expect((await t.stripe.customers.retrieve(customer.id, {}, { stripeAccount: a })).id).toBe(customer.id);

    for (const options of [{}, { stripeAccount: b }]) {
      const err = await failure(t.stripe.customers.retrieve(customer.id, {}, options));
      expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect([err.statusCode, err.code, err.message]).toEqual([404, 'resource_missing', `No such customer: '${customer.id}'`]);
    }
    expect((await t.stripe.customers.list()).data).toEqual([]);
    expect((await t.stripe.customers.list({}, { stripeAccount: b })).data).toEqual([]);
    expect((await t.stripe.customers.list({}, { stripeAccount: a })).data.map((c) => c.id)).toEqual([customer.id]);

    // A PaymentIntent on the account: its charge is the account's too.
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: 'pm_card_visa', confirm: true }, { stripeAccount: a });
    expect(pi.status).toBe('succeeded');
    expect((await failure(t.stripe.paymentIntents.retrieve(pi.id))).statusCode).toBe(404);
    expect((await failure(t.stripe.charges.retrieve(String(pi.latest_charge)))).statusCode).toBe(404);
    expect((await t.stripe.charges.retrieve(String(pi.latest_charge), {}, { stripeAccount: a })).amount).toBe(2000);
    // Updates through another account cannot reach it either.
    expect((await failure(t.stripe.paymentIntents.update(pi.id, { metadata: { x: '1' } }, { stripeAccount: b }))).statusCode).toBe(404);
  });

  it('an unknown account answers 403 account_invalid in Stripe words, and nothing is created', async () => {
    const err = await failure(t.stripe.customers.create({ email: 'x@example.com' }, { stripeAccount: 'acct_doesnotexist' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(err.statusCode).toBe(403);
    expect(err.type).toBe('StripePermissionError');
    expect(err.code).toBe('account_invalid');
    expect(err.raw).toMatchObject({ type: 'invalid_request_error' });
    expect(err.doc_url).toBe('https://stripe.com/docs/error-codes/account-invalid');
    const redacted = `${SECRET_KEY.slice(0, 8)}${'*'.repeat(SECRET_KEY.length - 12)}${SECRET_KEY.slice(-4)}`;
    expect(err.message).toBe(
      `The provided key '${redacted}' does not have access to account 'acct_doesnotexist' (or that account does not exist). Application access may have been revoked.`,
    );
    expect((await t.stripe.customers.list()).data).toEqual([]);
    // A deleted account is unknown from then on.
    const gone = await connectedAccount();
    await t.stripe.accounts.del(gone);
    expect((await failure(t.stripe.balance.retrieve({}, { stripeAccount: gone }))).code).toBe('account_invalid');
  });

  it('idempotency keys are kept per account', async () => {
    const a = await connectedAccount();
    const b = await connectedAccount();
    const params = { amount: 2000, currency: 'gbp' };
    const onPlatform = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'same-key' });
    const onA = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'same-key', stripeAccount: a });
    const onB = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'same-key', stripeAccount: b });
    expect(new Set([onPlatform.id, onA.id, onB.id]).size).toBe(3);
    expect(onA.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const again = await t.stripe.paymentIntents.create(params, { idempotencyKey: 'same-key', stripeAccount: a });
    expect(again.id).toBe(onA.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    // Other parameters under the same key on that account: refused there only.
    const err = await failure(t.stripe.paymentIntents.create({ amount: 2500, currency: 'gbp' }, { idempotencyKey: 'same-key', stripeAccount: a }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("a connected account's events carry `account` and go to Connect endpoints only", async () => {
    const a = await connectedAccount();
    const platformHook = await t.stripe.webhookEndpoints.create({ url: `${rcv.url}?platform`, enabled_events: ['customer.created'] });
    const connectHook = await t.stripe.webhookEndpoints.create({ url: `${rcv.url}?connect`, enabled_events: ['customer.created'], connect: true });
    expect(connectHook).not.toHaveProperty('connect');

    const onA = await t.stripe.customers.create({ name: 'On A' }, { stripeAccount: a });
    const [connected] = await rcv.waitFor(1);
    expect(connected?.event).toMatchObject({ type: 'customer.created', account: a, data: { object: { id: onA.id } } });
    expect(t.stripe.webhooks.constructEvent(connected?.body ?? '', connected?.signature ?? '', connectHook.secret ?? '').account).toBe(a);

    const own = await t.stripe.customers.create({ name: 'Platform' });
    const [, platform] = await rcv.waitFor(2);
    expect(platform?.event.data.object).toMatchObject({ id: own.id });
    expect(platform?.event.account).toBeUndefined();
    expect(t.stripe.webhooks.constructEvent(platform?.body ?? '', platform?.signature ?? '', platformHook.secret ?? '').id).toBe(platform?.event.id);
    await new Promise((r) => setTimeout(r, 150));
    expect(rcv.requests).toHaveLength(2);

    // Each side lists its own events.
    expect((await t.stripe.events.list({ type: 'customer.created' })).data.map((e) => e.account)).toEqual([undefined]);
    const accountEvents = await t.stripe.events.list({ type: 'customer.created' }, { stripeAccount: a });
    expect(accountEvents.data.map((e) => e.account)).toEqual([a]);
    expect((await t.stripe.events.retrieve(accountEvents.data[0]?.id ?? '', {}, { stripeAccount: a })).type).toBe('customer.created');
  });

  it('a direct charge with an application fee pays the fee to the platform', async () => {
    const a = await connectedAccount();
    const pi = await t.stripe.paymentIntents.create(
      { amount: 10_000, currency: 'gbp', application_fee_amount: 1_000, payment_method: 'pm_card_visa', confirm: true },
      { stripeAccount: a },
    );
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge), { expand: ['balance_transaction'] }, { stripeAccount: a });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn.fee_details.map((d) => [d.type, d.amount])).toEqual([
      ['application_fee', 1_000],
      ['stripe_fee', 170],
    ]);
    expect((await t.stripe.balance.retrieve({}, { stripeAccount: a })).available).toEqual([{ amount: 10_000 - 1_000 - 170, currency: 'gbp', source_types: { card: 8_830 } }]);
    expect((await t.stripe.balance.retrieve()).available[0]).toMatchObject({ amount: 1_000, currency: 'gbp' });
    const fees = await t.stripe.applicationFees.list();
    expect(fees.data.map((f) => [f.amount, f.account, f.charge])).toEqual([[1_000, a, charge.id]]);
  });
});
