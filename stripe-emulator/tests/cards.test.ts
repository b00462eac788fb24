import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completeAuthentication } from '../src/resources/index';
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

function cardMethod(number: string): Promise<Stripe.PaymentMethod> {
  return t.stripe.paymentMethods.create({ type: 'card', card: { number, exp_month: 12, exp_year: 2034, cvc: '123' } });
}

const DECLINES = [
  { number: '4000000000000002', ids: ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined'], code: 'card_declined', decline: 'generic_decline', message: 'Your card was declined.', param: undefined },
  {
    number: '4000000000009995',
    ids: ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds'],
    code: 'card_declined',
    decline: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
    param: undefined,
  },
  { number: '4000000000000069', ids: ['pm_card_chargeDeclinedExpiredCard'], code: 'expired_card', decline: 'expired_card', message: 'Your card has expired.', param: 'exp_month' },
  { number: '4000000000000127', ids: ['pm_card_chargeDeclinedIncorrectCvc'], code: 'incorrect_cvc', decline: 'incorrect_cvc', message: "Your card's security code is incorrect.", param: 'cvc' },
  { number: '4000000000000341', ids: ['pm_card_chargeCustomerFail'], code: 'card_declined', decline: 'generic_decline', message: 'Your card was declined.', param: undefined },
];

describe('declining test cards', () => {
  for (const card of DECLINES) {
    for (const source of [...card.ids, card.number]) {
      it(`${source}: 402 ${card.code}/${card.decline}, PI back to requires_payment_method, failed charge`, async () => {
        const pm = source.startsWith('pm_') ? source : (await cardMethod(source)).id;
        const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
        const err = await failure(t.stripe.paymentIntents.confirm(pi.id, { payment_method: pm }));
        expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
        expect(err.statusCode).toBe(402);
        expect(err.type).toBe('StripeCardError');
        expect(err.code).toBe(card.code);
        expect(err.decline_code).toBe(card.decline);
        expect(err.message).toBe(card.message);
        expect(err.param).toBe(card.param);
        expect(err.doc_url).toBe(`https://stripe.com/docs/error-codes/${card.code.replaceAll('_', '-')}`);
        expect(err.payment_intent?.id).toBe(pi.id);
        expect(err.payment_intent?.status).toBe('requires_payment_method');

        const after = await t.stripe.paymentIntents.retrieve(pi.id);
        expect(after.status).toBe('requires_payment_method');
        expect(after.payment_method).toBeNull();
        expect(after.last_payment_error).toMatchObject({ type: 'card_error', code: card.code, decline_code: card.decline, message: card.message });
        expect(after.last_payment_error?.payment_method?.card?.last4).toBe(card.number.slice(-4));
        const charge = await t.stripe.charges.retrieve(String(after.latest_charge));
        expect(charge).toMatchObject({ status: 'failed', paid: false, captured: false, failure_code: card.code, failure_message: card.message });
        expect(charge.outcome).toMatchObject({ type: 'issuer_declined', reason: card.decline });
        expect(after.last_payment_error?.charge).toBe(charge.id);
        const failed = await t.stripe.events.list({ type: 'payment_intent.payment_failed' });
        expect(failed.data[0]?.data.previous_attributes).toMatchObject({ status: 'requires_payment_method' });
        expect((await t.stripe.events.list({ type: 'charge.failed' })).data.length).toBe(1);

        // The customer may try again with another card.
        const retried = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
        expect(retried.status).toBe('succeeded');
        expect(retried.latest_charge).not.toBe(charge.id);
      });
    }
  }

  it('4000 0000 0000 0341 attaches to a customer, then the charge fails', async () => {
    const customer = await t.stripe.customers.create({ email: 'fail@example.com' });
    const pm = await t.stripe.paymentMethods.attach((await cardMethod('4000000000000341')).id, { customer: customer.id });
    expect(pm.customer).toBe(customer.id);
    const err = await failure(t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', customer: customer.id, payment_method: pm.id, confirm: true }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.code).toBe('card_declined');
  });
});

describe('card numbers', () => {
  it('4242 succeeds and is created with the publishable key too', async () => {
    const pm = await t.browserSdk().paymentMethods.create({ type: 'card', card: { number: '4242 4242 4242 4242', exp_month: 4, exp_year: 2033, cvc: '314' } });
    expect(pm.card).toMatchObject({ brand: 'visa', last4: '4242', exp_month: 4, exp_year: 2033, funding: 'credit', country: 'US' });
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: pm.id, confirm: true });
    expect(pi.status).toBe('succeeded');
  });

  it('refuses numbers that fail the Luhn check, and bad expiry dates', async () => {
    const number = await failure(cardMethod('4242424242424241'));
    expect(number).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect([number.code, number.message, number.param]).toEqual(['incorrect_number', 'Your card number is incorrect.', 'number']);
    const month = await failure(t.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 13, exp_year: 2034 } }));
    expect([month.code, month.param]).toEqual(['invalid_expiry_month', 'exp_month']);
    const year = await failure(t.stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2001 } }));
    expect([year.code, year.param]).toEqual(['invalid_expiry_year', 'exp_year']);
  });
});

describe('3-D Secure', () => {
  it('4000 0025 0000 3155 requires action, then succeeds once authenticated', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: true });
    expect(pi.status).toBe('requires_action');
    expect(pi.next_action?.type).toBe('use_stripe_sdk');
    expect(pi.next_action?.use_stripe_sdk).toMatchObject({ type: 'three_d_secure_redirect' });
    expect(pi.latest_charge).toBeNull();
    const [event] = (await t.stripe.events.list({ type: 'payment_intent.requires_action' })).data;
    expect(event?.data.previous_attributes).toEqual({ status: 'requires_confirmation' });

    const done = completeAuthentication(t.emu, pi.id, 'succeed');
    expect(done.status).toBe('succeeded');
    const after = await t.stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ status: 'succeeded', next_action: null, amount_received: 2000 });
    expect((await t.stripe.charges.retrieve(String(after.latest_charge))).status).toBe('succeeded');
  });

  it('a failed authentication returns the PI to requires_payment_method', async () => {
    const pm = await cardMethod('4000002500003155');
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: pm.id, confirm: true });
    completeAuthentication(t.emu, pi.id, 'fail');
    const after = await t.stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ code: 'payment_intent_authentication_failure' });
    expect(after.last_payment_error?.payment_method?.id).toBe(pm.id);
    expect((await t.stripe.events.list({ type: 'payment_intent.payment_failed' })).data.length).toBe(1);
  });

  it('with return_url the next action is a redirect to the emulator challenge page', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp' });
    const next = await t.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_authenticationRequiredOnSetup', return_url: 'https://app.example/return?x=1' });
    expect(next.next_action?.type).toBe('redirect_to_url');
    expect(next.next_action?.redirect_to_url).toEqual({
      return_url: 'https://app.example/return?x=1',
      url: `${t.url}/_emulator/3ds/${pi.id}?return_url=${encodeURIComponent('https://app.example/return?x=1')}`,
    });
  });

  it('the _authenticate route works with the publishable key and client secret', async () => {
    const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', payment_method: 'pm_card_authenticationRequired', confirm: true });
    expect(pi.status).toBe('requires_action');
    const pk = t.browserSdk();
    const path = `/v1/payment_intents/${pi.id}/_authenticate`;
    const denied = await failure(pk.rawRequest('POST', path, { outcome: 'succeed' }));
    expect(denied.param).toBe('client_secret');
    const res = await pk.rawRequest('POST', path, { outcome: 'succeed', client_secret: pi.client_secret ?? '' });
    expect((res as unknown as Stripe.PaymentIntent).status).toBe('succeeded');
    const twice = await failure(pk.rawRequest('POST', path, { outcome: 'succeed', client_secret: pi.client_secret ?? '' }));
    expect(twice.code).toBe('payment_intent_unexpected_state');
  });

  it('4000 0027 6000 3184 always requires action, and off-session it is declined', async () => {
    const pm = await cardMethod('4000002760003184');
    const customer = await t.stripe.customers.create({ payment_method: pm.id });
    for (let i = 0; i < 2; i++) {
      const pi = await t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', customer: customer.id, payment_method: pm.id, confirm: true });
      expect(pi.status).toBe('requires_action');
    }
    const err = await failure(
      t.stripe.paymentIntents.create({ amount: 2000, currency: 'gbp', customer: customer.id, payment_method: pm.id, confirm: true, off_session: true }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.code).toBe('authentication_required');
  });
});
