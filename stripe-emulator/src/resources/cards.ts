import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { StripeApiError } from '../http/errors';

/** What a test card does when charged (STRIPE.md's table and Stripe's testing docs). */
export type CardBehaviour =
  | { kind: 'succeed'; risk?: 'elevated'; bypassPending?: boolean }
  | {
      kind: 'decline';
      code: string;
      decline_code?: string;
      message: string;
      param?: string;
      /** Blocked by Radar as too risky (outcome type `blocked`) rather than declined by the bank. */
      blocked?: boolean;
      /** Attaches to a customer although charges fail (4000 0000 0000 0341); other declining cards fail to attach. */
      attachable?: boolean;
    }
  | { kind: 'three_ds_on_session' }
  | { kind: 'three_ds_always' }
  | { kind: 'pending_refund' }
  | { kind: 'refund_fail' };

interface TestCard {
  number: string;
  aliases: string[];
  behaviour: CardBehaviour;
  funding?: string;
}

const DECLINED: CardBehaviour = { kind: 'decline', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
const BLOCKED: CardBehaviour = { kind: 'decline', code: 'card_declined', decline_code: 'fraudulent', message: 'Your card was declined.', blocked: true };

const TEST_CARDS: TestCard[] = [
  { number: '4242424242424242', aliases: ['pm_card_visa'], behaviour: { kind: 'succeed' } },
  { number: '4000056655665556', aliases: ['pm_card_visa_debit'], behaviour: { kind: 'succeed' }, funding: 'debit' },
  { number: '5555555555554444', aliases: ['pm_card_mastercard'], behaviour: { kind: 'succeed' } },
  { number: '5200828282828210', aliases: ['pm_card_mastercard_debit'], behaviour: { kind: 'succeed' }, funding: 'debit' },
  { number: '5105105105105100', aliases: ['pm_card_mastercard_prepaid'], behaviour: { kind: 'succeed' }, funding: 'prepaid' },
  { number: '378282246310005', aliases: ['pm_card_amex'], behaviour: { kind: 'succeed' } },
  { number: '6011111111111117', aliases: ['pm_card_discover'], behaviour: { kind: 'succeed' } },
  { number: '3056930009020004', aliases: ['pm_card_diners'], behaviour: { kind: 'succeed' } },
  { number: '3566002020360505', aliases: ['pm_card_jcb'], behaviour: { kind: 'succeed' } },
  { number: '6200000000000005', aliases: ['pm_card_unionpay'], behaviour: { kind: 'succeed' } },
  { number: '4000000000000077', aliases: ['pm_card_bypassPending'], behaviour: { kind: 'succeed', bypassPending: true } },
  { number: '4000000000009235', aliases: ['pm_card_riskLevelElevated'], behaviour: { kind: 'succeed', risk: 'elevated' } },
  { number: '4000000000000002', aliases: ['pm_card_visa_chargeDeclined', 'pm_card_chargeDeclined'], behaviour: DECLINED },
  {
    number: '4000000000009995',
    aliases: ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedInsufficientFunds'],
    behaviour: { kind: 'decline', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  {
    number: '4000000000009987',
    aliases: ['pm_card_visa_chargeDeclinedLostCard', 'pm_card_chargeDeclinedLostCard'],
    behaviour: { kind: 'decline', code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.' },
  },
  {
    number: '4000000000009979',
    aliases: ['pm_card_visa_chargeDeclinedStolenCard', 'pm_card_chargeDeclinedStolenCard'],
    behaviour: { kind: 'decline', code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' },
  },
  {
    number: '4000000000006975',
    aliases: ['pm_card_visa_chargeDeclinedVelocityLimitExceeded'],
    behaviour: {
      kind: 'decline',
      code: 'card_declined',
      decline_code: 'card_velocity_exceeded',
      message: 'Your card was declined for making repeated attempts too frequently or exceeding its amount limit.',
    },
  },
  {
    number: '4000000000000069',
    aliases: ['pm_card_chargeDeclinedExpiredCard'],
    behaviour: { kind: 'decline', code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.', param: 'exp_month' },
  },
  {
    number: '4000000000000127',
    aliases: ['pm_card_chargeDeclinedIncorrectCvc'],
    behaviour: { kind: 'decline', code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect.", param: 'cvc' },
  },
  {
    number: '4000000000000119',
    aliases: ['pm_card_chargeDeclinedProcessingError'],
    behaviour: { kind: 'decline', code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
  },
  { number: '4100000000000019', aliases: ['pm_card_chargeDeclinedFraudulent', 'pm_card_radarBlock'], behaviour: BLOCKED },
  { number: '4000000000004954', aliases: ['pm_card_riskLevelHighest'], behaviour: BLOCKED },
  { number: '4000002500003155', aliases: ['pm_card_authenticationRequiredOnSetup'], behaviour: { kind: 'three_ds_on_session' } },
  { number: '4000002760003184', aliases: ['pm_card_authenticationRequired'], behaviour: { kind: 'three_ds_always' } },
  { number: '4000000000000341', aliases: ['pm_card_chargeCustomerFail'], behaviour: { ...DECLINED, attachable: true } },
  { number: '4000000000007726', aliases: ['pm_card_pendingRefund'], behaviour: { kind: 'pending_refund' } },
  { number: '4000000000005126', aliases: ['pm_card_refundFail'], behaviour: { kind: 'refund_fail' } },
];

/** A stable fingerprint per card number: how a stored PaymentMethod finds its test behaviour again. */
export function fingerprintOf(number: string): string {
  return createHash('sha256').update(`emulator-card:${number}`).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
}

const BY_FINGERPRINT = new Map(TEST_CARDS.map((c) => [fingerprintOf(c.number), c]));
const BY_ALIAS = new Map(TEST_CARDS.flatMap((c) => c.aliases.map((a) => [a, c] as const)));

/** The card number behind a `pm_card_*` test id, if it is one. */
export function testCardNumber(alias: string): string | undefined {
  return BY_ALIAS.get(alias)?.number;
}

export function behaviourOf(fingerprint: string | null | undefined): CardBehaviour {
  return (fingerprint ? BY_FINGERPRINT.get(fingerprint)?.behaviour : undefined) ?? { kind: 'succeed' };
}

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^3(0[0-5]|[68])/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

function cardError(code: string, message: string, param: string): StripeApiError {
  return new StripeApiError(402, { type: 'card_error', code, message, param });
}

export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc?: string;
}

/** Validates raw card details as Stripe does when tokenising them (402 card_error on bad input). */
export function validateCard(input: CardInput, nowYear: number, nowMonth: number): void {
  const digits = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) throw cardError('incorrect_number', 'Your card number is incorrect.', 'number');
  if (!Number.isInteger(input.exp_month) || input.exp_month < 1 || input.exp_month > 12) {
    throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", 'exp_month');
  }
  const year = input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year;
  if (year < nowYear || year > nowYear + 50) throw cardError('invalid_expiry_year', "Your card's expiration year is invalid.", 'exp_year');
  if (year === nowYear && input.exp_month < nowMonth) throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", 'exp_month');
  if (input.cvc !== undefined && input.cvc !== '' && !/^\d{3,4}$/.test(input.cvc)) {
    throw cardError('invalid_cvc', "Your card's security code is invalid.", 'cvc');
  }
}

/** The `card` hash of a PaymentMethod for these details. */
export function cardDetails(input: CardInput): Stripe.PaymentMethod.Card {
  const number = input.number.replace(/[\s-]/g, '');
  const brand = brandOf(number);
  const known = BY_FINGERPRINT.get(fingerprintOf(number));
  return {
    brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: input.cvc ? 'unchecked' : null },
    country: 'US',
    display_brand: brand,
    exp_month: input.exp_month,
    exp_year: input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year,
    fingerprint: fingerprintOf(number),
    funding: known?.funding ?? 'credit',
    generated_from: null,
    last4: number.slice(-4),
    networks: { available: [brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}
