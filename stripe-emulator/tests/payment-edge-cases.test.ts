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

async function eventTypes(): Promise<string[]> {
  return (await t.stripe.events.list({ limit: 100 })).data.map((e) => e.type);
}

async function authorised(amount: number): Promise<Stripe.PaymentIntent> {
  return t.stripe.paymentIntents.create({ amount, currency: 'gbp', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true });
}

describe('capture', () => {
  it('refuses to capture more than was authorised, in Stripe words, and changes nothing', async () => {
    const pi = await authorised(5_000);
    const before = await eventTypes();
    const err = await failure(t.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 5_001 }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([err.statusCode, err.code, err.param]).toEqual([400, 'amount_too_large', 'amount_to_capture']);
    expect(err.message).toBe(
      'The payment could not be captured because the requested capture amount is greater than the authorized amount. If you are trying to collect a tip or over-capture, your account might not be configured for those features. Contact us via https://support.stripe.com/contact/',
    );
    expect(await t.stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ status: 'requires_capture', amount_capturable: 5_000 });
    expect(await eventTypes()).toEqual(before);
    const zero = await failure(t.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 0 }));
    expect(zero.param).toBe('amount_to_capture');
  });

  it('a partial capture releases the rest as a refund of the uncaptured amount', async () => {
    const pi = await authorised(5_000);
    await t.stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3_500 });
    const charge = await t.stripe.charges.retrieve(String(pi.latest_charge), { expand: ['refunds'] });
    expect(charge).toMatchObject({ captured: true, amount: 5_000, amount_captured: 3_500, amount_refunded: 1_500, refunded: false });
    expect(charge.refunds?.data).toHaveLength(1);
    const [released] = charge.refunds?.data ?? [];
    expect(released).toMatchObject({ object: 'refund', amount: 1_500, charge: charge.id, payment_intent: pi.id, status: 'succeeded', balance_transaction: null });
    expect((await t.stripe.refunds.list({ charge: charge.id })).data.map((r) => r.id)).toEqual([released?.id]);
    // The balance only ever held what was captured.
    const txn = await t.stripe.balanceTransactions.retrieve(String(charge.balance_transaction));
    expect(txn.amount).toBe(3_500);
    // What was captured can still be refunded, and no more.
    const refund = await t.stripe.refunds.create({ charge: charge.id });
    expect(refund.amount).toBe(3_500);
    expect(await t.stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 5_000, refunded: true });
  });

  it('canceling an authorisation releases all of it as a refund', async () => {
    const pi = await authorised(2_000);
    await t.stripe.paymentIntents.cancel(pi.id);
    const refunds = await t.stripe.refunds.list({ payment_intent: pi.id });
    expect(refunds.data.map((r) => [r.amount, r.status, r.balance_transaction])).toEqual([[2_000, 'succeeded', null]]);
  });
});

describe('attaching a card that declines', () => {
  it('answers 402 with the card code and leaves nothing attached', async () => {
    const customer = await t.stripe.customers.create({ email: 'ann@example.com' });
    const before = await eventTypes();
    for (const [pm, code, decline] of [
      ['pm_card_visa_chargeDeclined', 'card_declined', 'generic_decline'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
      ['pm_card_chargeDeclinedProcessingError', 'processing_error', undefined],
    ] as const) {
      const err = await failure(t.stripe.paymentMethods.attach(pm, { customer: customer.id }));
      expect(err, pm).toBeInstanceOf(Stripe.errors.StripeCardError);
      // stripe-node shows an absent decline_code as ''.
      expect([err.statusCode, err.code, err.decline_code || undefined], pm).toEqual([402, code, decline]);
    }
    const created = await t.stripe.paymentMethods.create({ type: 'card', card: { number: '4000000000000002', exp_month: 12, exp_year: 2034 } });
    expect((await failure(t.stripe.paymentMethods.attach(created.id, { customer: customer.id }))).code).toBe('card_declined');
    expect((await t.stripe.paymentMethods.retrieve(created.id)).customer).toBeNull();
    expect((await t.stripe.customers.listPaymentMethods(customer.id)).data).toEqual([]);
    expect(await eventTypes()).toEqual(before);
  });

  it('a customer created with such a card is not created at all', async () => {
    const err = await failure(t.stripe.customers.create({ email: 'bob@example.com', payment_method: 'pm_card_chargeDeclinedIncorrectCvc' }));
    expect([err.statusCode, err.code, err.param]).toEqual([402, 'incorrect_cvc', 'cvc']);
    expect((await t.stripe.customers.list()).data).toEqual([]);
    expect(await eventTypes()).toEqual([]);
    expect(t.emu.state.all('payment_methods')).toEqual([]);
  });
});

describe('refused requests leave nothing behind', () => {
  it('a PaymentIntent refused after its test card was resolved stores no payment method and no event', async () => {
    const err = await failure(
      t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', payment_method: 'pm_card_visa', capture_method: 'later' as 'manual' }),
    );
    expect(err.param).toBe('capture_method');
    expect(t.emu.state.all('payment_methods')).toEqual([]);
    expect(t.emu.state.all('payment_intents')).toEqual([]);
    expect(t.emu.state.all('events')).toEqual([]);
  });

  it('a Checkout Session with a bad line item stores none of its items', async () => {
    const err = await failure(
      t.stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: 'https://app.example/ok',
        line_items: [
          { quantity: 1, price_data: { currency: 'gbp', unit_amount: 1_000, product_data: { name: 'Class' } } },
          { quantity: 1, price_data: { currency: 'usd', unit_amount: 1_000, product_data: { name: 'Mixed' } } },
        ],
      }),
    );
    expect(err.statusCode).toBe(400);
    expect(t.emu.state.all('checkout_line_items')).toEqual([]);
    expect(t.emu.state.all('checkout_sessions')).toEqual([]);
  });

  it('a decline is not a refusal: Stripe keeps the failed attempt', async () => {
    const err = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', payment_method: 'pm_card_chargeDeclined', confirm: true }));
    expect(err.statusCode).toBe(402);
    expect((await t.stripe.paymentIntents.list()).data.map((p) => p.status)).toEqual(['requires_payment_method']);
    expect(await eventTypes()).toEqual(['payment_intent.payment_failed', 'charge.failed', 'payment_intent.created']);
  });
});

describe('documented pm_card_* test ids', () => {
  async function pay(pm: string): Promise<Stripe.Charge> {
    const pi = await t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', payment_method: pm, confirm: true });
    expect(pi.status, pm).toBe('succeeded');
    return t.stripe.charges.retrieve(String(pi.latest_charge));
  }

  it('brands and funding', async () => {
    const cases: [string, string, string, string][] = [
      ['pm_card_visa', 'visa', 'credit', '4242'],
      ['pm_card_visa_debit', 'visa', 'debit', '5556'],
      ['pm_card_mastercard', 'mastercard', 'credit', '4444'],
      ['pm_card_mastercard_debit', 'mastercard', 'debit', '8210'],
      ['pm_card_mastercard_prepaid', 'mastercard', 'prepaid', '5100'],
      ['pm_card_amex', 'amex', 'credit', '0005'],
      ['pm_card_discover', 'discover', 'credit', '1117'],
      ['pm_card_diners', 'diners', 'credit', '0004'],
      ['pm_card_jcb', 'jcb', 'credit', '0505'],
      ['pm_card_unionpay', 'unionpay', 'credit', '0005'],
    ];
    for (const [pm, brand, funding, last4] of cases) {
      const card = (await pay(pm)).payment_method_details?.card;
      expect([card?.brand, card?.funding, card?.last4], pm).toEqual([brand, funding, last4]);
    }
  });

  it('pm_card_riskLevelElevated succeeds with risk level elevated', async () => {
    const charge = await pay('pm_card_riskLevelElevated');
    expect(charge.outcome).toMatchObject({ type: 'authorized', risk_level: 'elevated', network_status: 'approved_by_network' });
    expect((await pay('pm_card_visa')).outcome?.risk_level).toBe('normal');
  });

  it('declines with the documented code and decline code', async () => {
    const cases: [string, string, string | undefined, string, Partial<Stripe.Charge.Outcome>][] = [
      ['pm_card_chargeDeclinedFraudulent', 'card_declined', 'fraudulent', 'Your card was declined.', { type: 'blocked', risk_level: 'highest' }],
      ['pm_card_radarBlock', 'card_declined', 'fraudulent', 'Your card was declined.', { type: 'blocked', risk_level: 'highest' }],
      ['pm_card_riskLevelHighest', 'card_declined', 'fraudulent', 'Your card was declined.', { type: 'blocked' }],
      [
        'pm_card_chargeDeclinedProcessingError',
        'processing_error',
        undefined,
        'An error occurred while processing your card. Try again in a little bit.',
        { type: 'issuer_declined', reason: 'processing_error' },
      ],
      ['pm_card_visa_chargeDeclinedLostCard', 'card_declined', 'lost_card', 'Your card was declined.', { reason: 'lost_card' }],
      ['pm_card_visa_chargeDeclinedStolenCard', 'card_declined', 'stolen_card', 'Your card was declined.', { reason: 'stolen_card' }],
      [
        'pm_card_visa_chargeDeclinedVelocityLimitExceeded',
        'card_declined',
        'card_velocity_exceeded',
        'Your card was declined for making repeated attempts too frequently or exceeding its amount limit.',
        { reason: 'card_velocity_exceeded' },
      ],
    ];
    for (const [pm, code, decline, message, outcome] of cases) {
      const err = await failure(t.stripe.paymentIntents.create({ amount: 2_000, currency: 'gbp', payment_method: pm, confirm: true }));
      expect(err, pm).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect([err.code, err.decline_code || undefined, err.message], pm).toEqual([code, decline, message]);
      const charge = await t.stripe.charges.retrieve(String(err.payment_intent?.latest_charge));
      expect(charge.outcome, pm).toMatchObject(outcome);
      expect(charge.status).toBe('failed');
    }
  });
});
