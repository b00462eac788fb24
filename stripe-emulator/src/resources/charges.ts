import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata } from '../http/params';
import { newId } from '../store/ids';
import { applicationFee, balanceTransaction, type EventCtx } from './balance';
import { chargeFundsAvailableOn } from './funds';
import { announceTransfer, destinationTransfer } from './transfers';
import { behaviourOf, type CardBehaviour } from './cards';
import { createdFilter, expandPaths, mustGet, stripeFee } from './util';
import * as P from '../params/charges';

type Decline = Extract<CardBehaviour, { kind: 'decline' }>;

function cardDetails(pm: Stripe.PaymentMethod, amount: number, cvcFailed: boolean): Stripe.Charge.PaymentMethodDetails.Card {
  const card = pm.card;
  return {
    amount_authorized: amount,
    authorization_code: null,
    brand: card?.brand ?? null,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: cvcFailed ? 'fail' : card?.checks?.cvc_check ? 'pass' : null },
    country: card?.country ?? null,
    electronic_commerce_indicator: null,
    exp_month: card?.exp_month ?? 12,
    exp_year: card?.exp_year ?? 2030,
    extended_authorization: { status: 'disabled' },
    fingerprint: card?.fingerprint ?? null,
    funding: card?.funding ?? null,
    incremental_authorization: { status: 'unavailable' },
    installments: null,
    last4: card?.last4 ?? null,
    mandate: null,
    multicapture: { status: 'unavailable' },
    network: card?.brand ?? null,
    network_token: { used: false },
    network_transaction_id: amount > 0 ? newId('ntx', 15).slice(4) : null,
    overcapture: { maximum_amount_capturable: amount, status: 'unavailable' },
    regulated_status: 'unregulated',
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}

function outcome(decline: Decline | undefined, risk: 'normal' | 'elevated'): Stripe.Charge.Outcome {
  if (!decline) {
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: risk,
      risk_score: risk === 'elevated' ? 67 : 32,
      seller_message: 'Payment complete.',
      type: 'authorized',
    };
  }
  if (decline.blocked) {
    // Radar's block: the bank never sees the payment.
    return {
      advice_code: 'do_not_try_again',
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'not_sent_to_network',
      reason: 'highest_risk_level',
      risk_level: 'highest',
      risk_score: 95,
      seller_message: 'Stripe blocked this payment as too risky.',
      type: 'blocked',
    };
  }
  const reason = decline.decline_code ?? decline.code;
  const generic = reason === 'generic_decline';
  return {
    advice_code: generic || reason === 'processing_error' ? 'try_again_later' : 'do_not_try_again',
    network_advice_code: null,
    network_decline_code: null,
    network_status: 'declined_by_network',
    reason,
    risk_level: 'normal',
    risk_score: 32,
    seller_message: generic ? 'The bank did not return any further details with this decline.' : `The bank returned the decline code \`${reason}\`.`,
    type: 'issuer_declined',
  };
}

/** A Charge for one confirm attempt of a PaymentIntent (stored; the caller settles and announces it). */
export function createCharge(emu: Emulator, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, decline?: Decline): Stripe.Charge {
  const id = newId('ch');
  const behaviour = behaviourOf(pm.card?.fingerprint);
  const captured = !decline && pi.capture_method !== 'manual';
  const destination = pi.transfer_data ? (typeof pi.transfer_data.destination === 'string' ? pi.transfer_data.destination : pi.transfer_data.destination.id) : null;
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: pi.application_fee_amount,
    balance_transaction: null,
    billing_details: { ...pm.billing_details },
    calculated_statement_descriptor: pi.statement_descriptor ?? 'STRIPE EMULATOR',
    captured: false,
    created: emu.clock.now(),
    currency: pi.currency,
    customer: typeof pi.customer === 'string' ? pi.customer : (pi.customer?.id ?? null),
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcome(decline, behaviour.kind === 'succeed' && behaviour.risk === 'elevated' ? 'elevated' : 'normal'),
    paid: !decline,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: { type: 'card', card: cardDetails(pm, decline ? 0 : pi.amount, decline?.code === 'incorrect_cvc') },
    radar_options: {},
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: decline ? null : `${emu.url}/_emulator/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: decline ? 'failed' : 'succeeded',
    transfer_data: destination ? { amount: pi.transfer_data?.amount ?? null, destination } : null,
    transfer_group: destination ? (pi.transfer_group ?? `group_${pi.id}`) : pi.transfer_group,
  };
  emu.state.put('charges', id, charge);
  return captured ? capture(emu, charge, pi.amount) : charge;
}

/**
 * Captures `amount` of a charge: its balance transaction (fee per `stripeFee`; pending while
 * the control API holds funds), the uncaptured rest released as a refund; for a destination
 * charge the transfer (the captured amount, or transfer_data.amount) and the application fee,
 * which Stripe collects from the connected account; for a direct charge (on a connected
 * account) the application fee paid to the platform. Events: `announceSettlement`.
 */
export function capture(emu: Emulator, charge: Stripe.Charge, amount: number, feeAmount = charge.application_fee_amount): Stripe.Charge {
  const pm = charge.payment_method ? emu.state.withScope(undefined, () => emu.state.get('payment_methods', charge.payment_method ?? '')) : undefined;
  const card = behaviourOf(pm?.card?.fingerprint);
  // 4000 0000 0000 0077 skips the pending balance even while the control API holds funds.
  const availableOn = card.kind === 'succeed' && card.bypassPending ? emu.clock.now() : chargeFundsAvailableOn(emu);
  const owner = emu.state.ownerOf(charge.id);
  const directFee = owner && feeAmount ? feeAmount : 0;
  const txn = balanceTransaction(emu, {
    amount,
    fee: stripeFee(amount),
    applicationFee: directFee || undefined,
    currency: charge.currency,
    type: 'charge',
    category: 'charge',
    source: charge.id,
    description: charge.description ?? undefined,
    availableOn,
    owner,
  });
  let next: Stripe.Charge = {
    ...charge,
    captured: true,
    amount_captured: amount,
    amount_refunded: charge.amount - amount,
    application_fee_amount: feeAmount,
    balance_transaction: txn.id,
  };
  if (amount < charge.amount) releaseAuthorization(emu, next, charge.amount - amount);
  const destination = charge.transfer_data ? (typeof charge.transfer_data.destination === 'string' ? charge.transfer_data.destination : charge.transfer_data.destination.id) : null;
  if (destination) {
    const transferAmount = Math.min(charge.transfer_data?.amount ?? amount, amount);
    const applicationFeeAmount = feeAmount ?? undefined;
    next = { ...next, transfer: destinationTransfer(emu, next, destination, transferAmount, { applicationFee: applicationFeeAmount, availableOn }).id };
    if (feeAmount) next = { ...next, application_fee: applicationFee(emu, next, destination, feeAmount, availableOn).id };
  } else if (owner && directFee) {
    next = { ...next, application_fee: applicationFee(emu, next, owner, directFee, availableOn).id };
  }
  return emu.state.put('charges', next.id, next);
}

/**
 * The part of an authorisation that will not be captured goes back to the card: Stripe shows
 * it as a refund of the charge (no balance transaction: the money never reached the balance).
 */
export function releaseAuthorization(emu: Emulator, charge: Stripe.Charge, amount: number): Stripe.Refund {
  const refund: Stripe.Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: emu.clock.now(),
    currency: charge.currency,
    customer: typeof charge.customer === 'string' ? charge.customer : (charge.customer?.id ?? null),
    customer_account: null,
    destination_details: { card: { reference_status: 'unavailable', reference_type: 'acquirer_reference_number', type: 'reversal' }, type: 'card' },
    metadata: {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null),
    payment_method: charge.payment_method,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  return emu.state.put('refunds', refund.id, refund, emu.state.ownerOf(charge.id));
}

/** Announces the transfer and application fee that `capture` made for a charge. */
export function announceSettlement(emu: Emulator, ctx: EventCtx, charge: Stripe.Charge): void {
  const transferId = typeof charge.transfer === 'string' ? charge.transfer : charge.transfer?.id;
  const feeId = typeof charge.application_fee === 'string' ? charge.application_fee : charge.application_fee?.id;
  const transfer = transferId ? emu.state.get('transfers', transferId) : undefined;
  const fee = feeId ? emu.state.withScope(undefined, () => emu.state.get('application_fees', feeId)) : undefined;
  if (transfer) announceTransfer(emu, ctx, transfer);
  if (fee) emu.events.emit('application_fee.created', fee, { ctx, account: null });
}

/** The charge with its refunds listed, as `expand[]=refunds` asks. */
function withRefunds(emu: Emulator, charge: Stripe.Charge): Stripe.Charge {
  const data = emu.state.all('refunds').filter((r) => (typeof r.charge === 'string' ? r.charge : r.charge?.id) === charge.id);
  return { ...charge, refunds: { object: 'list', data, has_more: false, url: `/v1/charges/${charge.id}/refunds` } };
}

export function installCharges(emu: Emulator): void {
  emu.router.api('GET', '/v1/charges/:id', P.RETRIEVE, (ctx) => {
    const charge = mustGet(emu, 'charges', 'charge', ctx.params.id ?? '');
    const paths = expandPaths(ctx);
    return expand(emu.state, paths.includes('refunds') ? withRefunds(emu, charge) : charge, paths.filter((p) => p !== 'refunds'));
  });
  emu.router.api('POST', '/v1/charges/:id', P.UPDATE, (ctx) => {
    const charge = mustGet(emu, 'charges', 'charge', ctx.params.id ?? '');
    const description = ctx.body.string('description');
    const next: Stripe.Charge = {
      ...charge,
      metadata: mergeMetadata(charge.metadata, ctx.body.metadata()),
      ...(description !== undefined ? { description: description || null } : {}),
      ...(ctx.body.has('receipt_email') ? { receipt_email: ctx.body.string('receipt_email') || null } : {}),
    };
    emu.state.put('charges', next.id, next);
    emu.events.emit('charge.updated', next, { ctx, previous: { metadata: charge.metadata, description: charge.description } });
    return expand(emu.state, next, expandPaths(ctx));
  });
  emu.router.api('GET', '/v1/charges', P.LIST, (ctx) => {
    const pi = ctx.query.string('payment_intent');
    const customer = ctx.query.string('customer');
    const created = createdFilter(ctx.query);
    const group = ctx.query.string('transfer_group');
    const items = emu.state
      .all('charges')
      .filter((c) => (!pi || c.payment_intent === pi) && (!customer || c.customer === customer) && (!group || c.transfer_group === group) && created(c.created));
    return paginate(items, ctx.query, '/v1/charges');
  });
}
