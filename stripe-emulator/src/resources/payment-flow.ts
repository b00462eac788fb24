import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, StripeApiError } from '../http/errors';
import type { EventCtx } from './balance';
import { behaviourOf, type CardBehaviour } from './cards';
import { announceSettlement, capture, createCharge, releaseAuthorization } from './charges';
import { mustGet } from './util';

type Decline = Extract<CardBehaviour, { kind: 'decline' }>;

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

const docUrl = (code: string): string => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

/** 400 payment_intent_unexpected_state carrying the PaymentIntent, as Stripe's body does. */
export function unexpected(pi: Stripe.PaymentIntent, message: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message, payment_intent: pi });
}

function save(emu: Emulator, pi: Stripe.PaymentIntent): Stripe.PaymentIntent {
  return emu.state.put('payment_intents', pi.id, pi);
}

/** The card was charged: a succeeded charge, the PI succeeded or (manual capture) requires_capture. */
function succeed(emu: Emulator, ctx: EventCtx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod): Stripe.PaymentIntent {
  const charge = createCharge(emu, pi, pm);
  const manual = pi.capture_method === 'manual';
  const next = save(emu, {
    ...pi,
    status: manual ? 'requires_capture' : 'succeeded',
    amount_capturable: manual ? pi.amount : 0,
    amount_received: manual ? 0 : pi.amount,
    latest_charge: charge.id,
    payment_method: pm.id,
    last_payment_error: null,
    next_action: null,
  });
  emu.events.emit('charge.succeeded', charge, { ctx });
  if (manual) {
    emu.events.emit('payment_intent.amount_capturable_updated', next, { ctx, previous: { amount_capturable: 0, status: pi.status } });
  } else {
    announceSettlement(emu, ctx, charge);
    emu.events.emit('payment_intent.succeeded', next, { ctx, previous: { status: pi.status, amount_received: 0 } });
  }
  return next;
}

/** A decline: a failed charge, the PI back to requires_payment_method; returns the 402 to answer. */
function decline(emu: Emulator, ctx: EventCtx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, d: Decline): StripeApiError {
  const charge = createCharge(emu, pi, pm, d);
  const error: Stripe.PaymentIntent.LastPaymentError = {
    type: 'card_error',
    charge: charge.id,
    code: d.code,
    decline_code: d.decline_code,
    doc_url: docUrl(d.code),
    message: d.message,
    ...(d.param ? { param: d.param } : {}),
    payment_method: pm,
    payment_method_type: 'card',
  };
  const next = save(emu, { ...pi, status: 'requires_payment_method', latest_charge: charge.id, payment_method: null, last_payment_error: error, next_action: null });
  emu.events.emit('charge.failed', charge, { ctx });
  emu.events.emit('payment_intent.payment_failed', next, { ctx, previous: { status: pi.status, last_payment_error: pi.last_payment_error } });
  const { type: _type, doc_url: _doc, ...rest } = error;
  const refused = new StripeApiError(402, { ...rest, type: 'card_error', message: d.message, payment_intent: next });
  // The attempt stays on record (failed charge, events) although the request fails.
  refused.keepsState = true;
  return refused;
}

/** 3-D Secure needed: requires_action with the step Stripe.js (or a redirect) performs. */
function requireAction(emu: Emulator, ctx: EventCtx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, returnUrl: string | undefined): Stripe.PaymentIntent {
  const page = `${emu.url}/_emulator/3ds/${pi.id}`;
  const next_action: Stripe.PaymentIntent.NextAction = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { return_url: returnUrl, url: `${page}?return_url=${encodeURIComponent(returnUrl)}` } }
    : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: page, source: pm.id, known_frame_issues: 'false' } };
  const next = save(emu, { ...pi, status: 'requires_action', payment_method: pm.id, last_payment_error: null, next_action });
  if (pi.status !== 'requires_action') emu.events.emit('payment_intent.requires_action', next, { ctx, previous: { status: pi.status } });
  return next;
}

/**
 * Confirms a PaymentIntent with its (or the given) PaymentMethod and runs the test card's
 * behaviour. Declines are stored and then thrown as Stripe's 402 (body with `payment_intent`).
 */
export function confirmIntent(
  emu: Emulator,
  ctx: EventCtx,
  pi: Stripe.PaymentIntent,
  pm: Stripe.PaymentMethod | undefined,
  options: { returnUrl?: string; offSession?: boolean } = {},
): Stripe.PaymentIntent {
  if (pi.status === 'succeeded') throw unexpected(pi, 'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.');
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpected(
      pi,
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
    );
  }
  const method = pm ?? (typeof pi.payment_method === 'string' ? emu.state.get('payment_methods', pi.payment_method) : (pi.payment_method ?? undefined));
  if (!method) {
    throw unexpected(
      pi,
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    );
  }
  const customer = typeof pi.customer === 'string' ? pi.customer : (pi.customer?.id ?? null);
  if (method.customer && method.customer !== customer) {
    throw invalidRequest(
      `The provided PaymentMethod was previously attached to a Customer. To use it with this PaymentIntent, pass customer=${String(method.customer)} when creating the PaymentIntent.`,
      { param: 'payment_method' },
    );
  }
  const behaviour = behaviourOf(method.card?.fingerprint);
  if (behaviour.kind === 'decline') throw decline(emu, ctx, pi, method, behaviour);
  if (behaviour.kind === 'three_ds_always' || (behaviour.kind === 'three_ds_on_session' && !options.offSession)) {
    if (options.offSession) {
      throw decline(emu, ctx, pi, method, {
        kind: 'decline',
        code: 'authentication_required',
        decline_code: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      });
    }
    return requireAction(emu, ctx, pi, method, options.returnUrl);
  }
  return succeed(emu, ctx, pi, method);
}

/**
 * Finishes the 3-D Secure step of a requires_action PaymentIntent, as the customer's bank
 * would: 'succeed' charges the card, 'fail' returns it to requires_payment_method with
 * last_payment_error `payment_intent_authentication_failure`.
 */
export function completeAuthentication(emu: Emulator, piId: string, outcome: 'succeed' | 'fail', ctx?: EventCtx): Stripe.PaymentIntent {
  const pi = mustGet(emu, 'payment_intents', 'payment_intent', piId);
  if (pi.status !== 'requires_action') {
    throw unexpected(pi, `This PaymentIntent has a status of ${pi.status}; only a PaymentIntent with status requires_action can be authenticated.`);
  }
  const pmId = typeof pi.payment_method === 'string' ? pi.payment_method : pi.payment_method?.id;
  const pm = pmId ? emu.state.get('payment_methods', pmId) : undefined;
  if (!pm) throw unexpected(pi, 'This PaymentIntent has no payment method to authenticate.');
  if (outcome === 'succeed') return succeed(emu, ctx, pi, pm);
  const code = 'payment_intent_authentication_failure';
  const next = save(emu, {
    ...pi,
    status: 'requires_payment_method',
    payment_method: null,
    next_action: null,
    last_payment_error: {
      type: 'invalid_request_error',
      code,
      doc_url: docUrl(code),
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      payment_method: pm,
      payment_method_type: 'card',
    },
  });
  emu.events.emit('payment_intent.payment_failed', next, { ctx, previous: { status: pi.status, next_action: pi.next_action } });
  return next;
}

/** Stripe's answer to capturing more than was authorised (its wording, quoted in public reports). */
function overCapture(): StripeApiError {
  return invalidRequest(
    'The payment could not be captured because the requested capture amount is greater than the authorized amount. If you are trying to collect a tip or over-capture, your account might not be configured for those features. Contact us via https://support.stripe.com/contact/',
    { param: 'amount_to_capture', code: 'amount_too_large' },
  );
}

export function captureIntent(emu: Emulator, ctx: EventCtx, pi: Stripe.PaymentIntent, amountToCapture: number | undefined, feeAmount: number | undefined): Stripe.PaymentIntent {
  if (pi.status === 'succeeded') throw unexpected(pi, 'This PaymentIntent could not be captured because it has already been captured.');
  if (pi.status !== 'requires_capture') {
    throw unexpected(
      pi,
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    );
  }
  const amount = amountToCapture ?? pi.amount_capturable;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount_to_capture' });
  if (amount > pi.amount_capturable) throw overCapture();
  const fee = feeAmount ?? pi.application_fee_amount;
  if (fee !== null && fee > amount) throw invalidRequest('The application_fee_amount cannot be greater than the amount captured.', { param: 'application_fee_amount' });
  const chargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? '');
  const before = mustGet(emu, 'charges', 'charge', chargeId);
  const charge = capture(emu, before, amount, fee);
  const next = save(emu, { ...pi, status: 'succeeded', amount_capturable: 0, amount_received: amount, application_fee_amount: fee });
  emu.events.emit('charge.captured', charge, { ctx, previous: { captured: false, amount_captured: 0, balance_transaction: null } });
  announceSettlement(emu, ctx, charge);
  emu.events.emit('payment_intent.succeeded', next, { ctx, previous: { status: pi.status, amount_capturable: pi.amount_capturable, amount_received: 0 } });
  return next;
}

export function cancelIntent(emu: Emulator, ctx: EventCtx, pi: Stripe.PaymentIntent, reason: Stripe.PaymentIntent.CancellationReason | null): Stripe.PaymentIntent {
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpected(
      pi,
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
    );
  }
  const chargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : pi.latest_charge?.id;
  const charge = chargeId ? emu.state.get('charges', chargeId) : undefined;
  let released: Stripe.Charge | undefined;
  if (pi.status === 'requires_capture' && charge) {
    // Canceling an authorisation releases it: the uncaptured charge is refunded in full.
    released = emu.state.put('charges', charge.id, { ...charge, refunded: true, amount_refunded: charge.amount });
    releaseAuthorization(emu, released, charge.amount);
  }
  const next = save(emu, { ...pi, status: 'canceled', canceled_at: emu.clock.now(), cancellation_reason: reason, amount_capturable: 0, next_action: null });
  if (released && charge) emu.events.emit('charge.refunded', released, { ctx, previous: { refunded: false, amount_refunded: charge.amount_refunded } });
  emu.events.emit('payment_intent.canceled', next, { ctx, previous: { status: pi.status } });
  return next;
}
