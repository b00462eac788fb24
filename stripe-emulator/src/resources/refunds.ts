import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';
import { balanceTransaction, refundApplicationFee, transactionOf } from './balance';
import { reverseTransfer } from './transfers';
import { behaviourOf } from './cards';
import { createdFilter, expandPaths, formatAmount, mustGet } from './util';
import * as P from '../params/refunds';

/** How long a pending (7726) refund takes to succeed, or a 5126 refund to fail. */
export const REFUND_SETTLE_MS = 1_000;
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

const idOf = (v: string | { id: string } | null | undefined): string | undefined => (typeof v === 'string' ? v : v?.id);

function chargeToRefund(ctx: ApiContext): Stripe.Charge {
  const { body, emu } = ctx;
  const chargeId = body.string('charge');
  const piId = body.string('payment_intent');
  if (!chargeId && !piId) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { param: 'charge' });
  if (chargeId) return mustGet(emu, 'charges', 'charge', chargeId, 'charge');
  const pi = mustGet(emu, 'payment_intents', 'payment_intent', piId ?? '', 'payment_intent');
  const latest = idOf(pi.latest_charge);
  const charge = latest ? emu.state.get('charges', latest) : undefined;
  if (!charge || charge.status !== 'succeeded') {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, { param: 'payment_intent' });
  }
  return charge;
}

function create(ctx: ApiContext, timers: Set<NodeJS.Timeout>): Stripe.Refund {
  const { body, emu } = ctx;
  const charge = chargeToRefund(ctx);
  if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} has failed and cannot be refunded.`, { param: 'charge' });
  if (!charge.captured) {
    throw invalidRequest(`Charge ${charge.id} has not been captured; cancel its PaymentIntent to release the authorization instead.`, { param: 'charge' });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded', param: 'charge' });
  const amount = body.integer('amount') ?? remaining;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { param: 'amount' },
    );
  }
  const reason = body.string('reason') || null;
  if (reason && !REASONS.includes(reason)) throw invalidRequest(`Invalid reason: must be one of ${REASONS.join(', ')}`, { param: 'reason' });
  const pmId = charge.payment_method;
  const behaviour = behaviourOf(pmId ? emu.state.get('payment_methods', pmId)?.card?.fingerprint : undefined);

  const id = newId('re');
  const share = (total: number) => Math.round((total * amount) / charge.amount);
  const transferId = idOf(charge.transfer);
  const transfer = transferId ? emu.state.get('transfers', transferId) : undefined;
  const reversal = body.boolean('reverse_transfer') && transfer ? (reverseTransfer(emu, ctx, transfer.id, share(transfer.amount), { sourceRefund: id })?.id ?? null) : null;
  const feeId = idOf(charge.application_fee);
  const fee = feeId ? emu.state.get('application_fees', feeId) : undefined;
  if (body.boolean('refund_application_fee') && fee) refundApplicationFee(emu, ctx, fee.id, share(fee.amount));

  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    // Taken from the charge's funds: still pending while they are, else from the available balance.
    balance_transaction: balanceTransaction(emu, {
      amount: -amount,
      currency: charge.currency,
      type: 'refund',
      category: 'refund',
      source: id,
      availableOn: transactionOf(emu, charge.balance_transaction)?.available_on,
    }).id,
    charge: charge.id,
    created: emu.clock.now(),
    currency: charge.currency,
    customer: idOf(charge.customer) ?? null,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: mergeMetadata({}, body.metadata()),
    payment_intent: idOf(charge.payment_intent) ?? null,
    payment_method: pmId,
    reason: reason as Stripe.Refund.Reason | null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: behaviour.kind === 'pending_refund' ? 'pending' : 'succeeded',
    transfer_reversal: reversal,
  };
  emu.state.put('refunds', id, refund);
  const amount_refunded = charge.amount_refunded + amount;
  const nextCharge = emu.state.put('charges', charge.id, { ...charge, amount_refunded, refunded: amount_refunded >= charge.amount });
  emu.events.emit('refund.created', refund, { ctx });
  emu.events.emit('charge.refunded', nextCharge, { ctx, previous: { amount_refunded: charge.amount_refunded, refunded: charge.refunded } });
  if (behaviour.kind === 'pending_refund' || behaviour.kind === 'refund_fail') {
    const timer = setTimeout(() => {
      timers.delete(timer);
      settle(emu, id, behaviour.kind === 'pending_refund' ? 'succeeded' : 'failed');
    }, REFUND_SETTLE_MS);
    timer.unref();
    timers.add(timer);
  }
  return expand(emu.state, refund, expandPaths(ctx));
}

/** The asynchronous end of a refund: pending -> succeeded, or succeeded -> failed (money back on the charge). */
function settle(emu: Emulator, refundId: string, outcome: 'succeeded' | 'failed'): void {
  const refund = emu.state.get('refunds', refundId);
  if (!refund || refund.status === outcome) return;
  const previous = { status: refund.status };
  if (outcome === 'succeeded') {
    const next = emu.state.put('refunds', refund.id, { ...refund, status: 'succeeded' });
    emu.events.emit('refund.updated', next, { previous });
    emu.events.emit('charge.refund.updated', next, { previous });
    return;
  }
  const txn = balanceTransaction(emu, {
    amount: refund.amount,
    currency: refund.currency,
    type: 'refund_failure',
    category: 'refund_failure',
    source: refund.id,
    owner: emu.state.ownerOf(refund.id),
  });
  const next = emu.state.put('refunds', refund.id, { ...refund, status: 'failed', failure_reason: 'expired_or_canceled_card', failure_balance_transaction: txn.id });
  const charge = emu.state.get('charges', idOf(refund.charge) ?? '');
  if (charge) {
    const amount_refunded = Math.max(0, charge.amount_refunded - refund.amount);
    emu.state.put('charges', charge.id, { ...charge, amount_refunded, refunded: amount_refunded >= charge.amount });
  }
  emu.events.emit('refund.updated', next, { previous });
  emu.events.emit('refund.failed', next, { previous });
  emu.events.emit('charge.refund.updated', next, { previous });
}

export function installRefunds(emu: Emulator): void {
  const timers = new Set<NodeJS.Timeout>();
  const clear = () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
  emu.onReset(clear);
  emu.onClose(clear);

  emu.router.api('POST', '/v1/refunds', P.CREATE, (ctx) => create(ctx, timers));
  emu.router.api('GET', '/v1/refunds', P.LIST, (ctx) => {
    const charge = ctx.query.string('charge');
    const pi = ctx.query.string('payment_intent');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('refunds').filter((r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi) && created(r.created));
    return paginate(items, ctx.query, '/v1/refunds');
  });
  emu.router.api('GET', '/v1/refunds/:id', P.RETRIEVE, (ctx) => expand(emu.state, mustGet(emu, 'refunds', 'refund', ctx.params.id ?? ''), expandPaths(ctx)));
  emu.router.api('POST', '/v1/refunds/:id', P.UPDATE, (ctx) => {
    const refund = mustGet(emu, 'refunds', 'refund', ctx.params.id ?? '');
    const next = emu.state.put('refunds', refund.id, { ...refund, metadata: mergeMetadata(refund.metadata ?? {}, ctx.body.metadata()) });
    emu.events.emit('refund.updated', next, { ctx, previous: { metadata: refund.metadata } });
    return expand(emu.state, next, expandPaths(ctx));
  });
  emu.router.api('POST', '/v1/refunds/:id/cancel', P.CANCEL, (ctx) => {
    const refund = mustGet(emu, 'refunds', 'refund', ctx.params.id ?? '');
    throw invalidRequest(
      `Refund ${refund.id} cannot be canceled because it has a status of ${refund.status ?? 'unknown'}. Only refunds with a status of requires_action can be canceled.`,
      { param: 'refund' },
    );
  });
}
