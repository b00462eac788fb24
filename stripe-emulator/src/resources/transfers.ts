import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import * as P from '../params/transfers';
import { newId } from '../store/ids';
import { availableAmount, balanceOf, balanceTransaction, refundApplicationFee, releaseDueFunds, transactionOf, type EventCtx } from './balance';
import { createdFilter, currencyParam, expandPaths, formatAmount, mustGet } from './util';

/** Stripe's words when the platform's available balance cannot cover a transfer. */
export const BALANCE_INSUFFICIENT =
  'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance';

/** How many reversals a transfer shows inline; the rest are listed through /reversals. */
const INLINE_REVERSALS = 10;

const idOf = (v: string | { id: string } | null | undefined): string | undefined => (typeof v === 'string' ? v : v?.id);

/** Reads across accounts (a transfer's destination payment lives on the connected account). */
function anyScope<T>(emu: Emulator, fn: () => T): T {
  return emu.state.withScope(undefined, fn);
}

function reversalList(emu: Emulator, transferId: string): Stripe.ApiList<Stripe.TransferReversal> {
  const all = anyScope(emu, () => emu.state.all('transfer_reversals')).filter((r) => r.transfer === transferId);
  return { object: 'list', data: all.slice(0, INLINE_REVERSALS), has_more: all.length > INLINE_REVERSALS, url: `/v1/transfers/${transferId}/reversals` };
}

interface TransferInput {
  amount: number;
  currency: string;
  destination: string;
  sourceTransaction: string | null;
  transferGroup: string | null;
  description: string | null;
  metadata: Record<string, string>;
  /** When the money reaches the destination (a source_transaction's funds may still be pending). */
  availableOn: number;
  /** The platform's application fee the destination pays out of this payment (destination charges). */
  applicationFee?: number;
}

/**
 * The Charge (`py_...`) a connected account receives for a transfer, with the balance
 * transaction that raises its balance; it lives on that account.
 */
function destinationPayment(emu: Emulator, transferId: string, input: TransferInput): Stripe.Charge {
  const id = newId('py');
  const txn = balanceTransaction(emu, {
    amount: input.amount,
    applicationFee: input.applicationFee,
    currency: input.currency,
    type: 'payment',
    category: 'charge',
    source: id,
    availableOn: input.availableOn,
    owner: input.destination,
  });
  const payment: Stripe.Charge = {
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: input.applicationFee ?? null,
    balance_transaction: txn.id,
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: emu.clock.now(),
    currency: input.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: null,
    payment_method: null,
    payment_method_details: { type: 'stripe_account', stripe_account: {} },
    radar_options: {},
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: transferId,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: input.transferGroup,
  };
  return emu.state.put('charges', id, payment, input.destination);
}

/** A transfer from the platform: its balance transaction, the destination's payment; stored, not yet announced. */
function storeTransfer(emu: Emulator, input: TransferInput): Stripe.Transfer {
  const id = newId('tr');
  const debit = balanceTransaction(emu, {
    amount: -input.amount,
    currency: input.currency,
    type: 'transfer',
    category: 'transfer',
    source: id,
    availableOn: input.availableOn,
    owner: null,
  });
  const payment = destinationPayment(emu, id, input);
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount: input.amount,
    amount_reversed: 0,
    balance_transaction: debit.id,
    created: emu.clock.now(),
    currency: input.currency,
    description: input.description,
    destination: input.destination,
    destination_payment: payment.id,
    livemode: false,
    metadata: input.metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: input.sourceTransaction,
    source_type: 'card',
    transfer_group: input.transferGroup,
  };
  return emu.state.put('transfers', id, transfer, null);
}

/** The automatic transfer of a destination charge (stored; `announceTransfer` sends its events). */
export function destinationTransfer(
  emu: Emulator,
  charge: Stripe.Charge,
  destination: string,
  amount: number,
  options: { applicationFee?: number; availableOn: number },
): Stripe.Transfer {
  return storeTransfer(emu, {
    amount,
    currency: charge.currency,
    destination,
    sourceTransaction: charge.id,
    transferGroup: charge.transfer_group,
    description: null,
    metadata: {},
    availableOn: options.availableOn,
    applicationFee: options.applicationFee,
  });
}

/**
 * transfer.created on the platform; on the destination account, balance.available once the
 * money is there (funds from a still-pending source_transaction are announced when released).
 */
export function announceTransfer(emu: Emulator, ctx: EventCtx, transfer: Stripe.Transfer): void {
  emu.events.emit('transfer.created', transfer, { ctx, account: null });
  const destination = idOf(transfer.destination);
  const payment = anyScope(emu, () => emu.state.get('charges', idOf(transfer.destination_payment) ?? ''));
  const txn = transactionOf(emu, payment?.balance_transaction);
  if (destination && txn?.status === 'available') {
    emu.events.emit('balance.available', balanceOf(emu, destination), { ctx, account: destination });
  }
}


/** The destination of a transfer: a connected account of this platform that can receive transfers. */
function destinationParam(emu: Emulator, p: Params): string {
  const id = p.requiredString('destination');
  const account = emu.state.get('accounts', id);
  if (!account) throw invalidRequest(`No such destination: '${id}'`, { param: 'destination', code: 'resource_missing' });
  if (account.capabilities?.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { param: 'destination', code: 'insufficient_capabilities_for_transfer' },
    );
  }
  return id;
}

/** The charge a transfer is funded by: its funds (pending or not) pay for it, up to what is left of it. */
function sourceCharge(emu: Emulator, id: string, amount: number, currency: string): Stripe.Charge {
  const charge = emu.state.get('charges', id);
  if (!charge) throw invalidRequest(`No such charge: '${id}'`, { param: 'source_transaction', code: 'resource_missing' });
  if (charge.status !== 'succeeded' || !charge.captured) {
    throw invalidRequest(`The source_transaction ${id} has not been captured successfully, so funds cannot be transferred from it.`, {
      param: 'source_transaction',
    });
  }
  if (charge.currency !== currency) {
    throw invalidRequest(`The currency of source_transaction (${charge.currency}) must be the same as the transfer currency (${currency}).`, {
      param: 'currency',
    });
  }
  const used = emu.state
    .all('transfers')
    .filter((t) => idOf(t.source_transaction) === id)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
  // What was captured, less what was refunded of it (amount_refunded also counts a released authorisation), less earlier transfers.
  const refunded = charge.amount_refunded - (charge.amount - charge.amount_captured);
  const left = charge.amount_captured - refunded - used;
  if (amount > left) {
    throw invalidRequest(
      `The transfer amount (${formatAmount(amount, currency)}) is greater than the amount left to transfer from source_transaction ${id} (${formatAmount(Math.max(0, left), currency)}).`,
      { param: 'amount' },
    );
  }
  return charge;
}

function create(ctx: ApiContext): Stripe.Transfer {
  const { body, emu } = ctx;
  const amount = body.requiredInteger('amount');
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  const currency = currencyParam(body);
  const destination = destinationParam(emu, body);
  const sourceId = body.string('source_transaction') || null;
  let availableOn = emu.clock.now();
  if (sourceId) {
    const charge = sourceCharge(emu, sourceId, amount, currency);
    availableOn = transactionOf(emu, charge.balance_transaction)?.available_on ?? availableOn;
  } else {
    releaseDueFunds(emu);
    if (availableAmount(emu, ctx.account, currency) < amount) throw invalidRequest(BALANCE_INSUFFICIENT, { code: 'balance_insufficient' });
  }
  const transfer = storeTransfer(emu, {
    amount,
    currency,
    destination,
    sourceTransaction: sourceId,
    transferGroup: body.string('transfer_group') || null,
    description: body.string('description') || null,
    metadata: mergeMetadata({}, body.metadata()),
    availableOn,
  });
  announceTransfer(emu, ctx, transfer);
  return transfer;
}

function update(ctx: ApiContext): Stripe.Transfer {
  const transfer = mustGet(ctx.emu, 'transfers', 'transfer', ctx.params.id ?? '');
  const description = ctx.body.has('description') ? ctx.body.string('description') || null : transfer.description;
  const next: Stripe.Transfer = { ...transfer, description, metadata: mergeMetadata(transfer.metadata, ctx.body.metadata()) };
  const previous: Record<string, unknown> = {};
  if (JSON.stringify(next.metadata) !== JSON.stringify(transfer.metadata)) previous.metadata = transfer.metadata;
  if (next.description !== transfer.description) previous.description = transfer.description;
  ctx.emu.state.put('transfers', next.id, next);
  if (Object.keys(previous).length > 0) ctx.emu.events.emit('transfer.updated', next, { ctx, previous });
  return next;
}

/**
 * Takes `amount` of a transfer back from its destination: a reversal, the money back on the
 * platform's balance and off the destination's, transfer.reversed. `amount` undefined: all
 * that is left. Returns the reversal (null when nothing is left, for refunds' proportional use).
 */
export function reverseTransfer(
  emu: Emulator,
  ctx: EventCtx,
  transferId: string,
  amount: number | undefined,
  options: { sourceRefund?: string | null; metadata?: Record<string, string>; refundApplicationFee?: boolean; strict?: boolean } = {},
): Stripe.TransferReversal | null {
  const transfer = anyScope(emu, () => emu.state.get('transfers', transferId));
  if (!transfer) return null;
  const left = transfer.amount - transfer.amount_reversed;
  if (options.strict && left <= 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, { param: 'amount' });
  if (options.strict && amount !== undefined && amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (options.strict && amount !== undefined && amount > left) {
    throw invalidRequest(
      `Reversal amount (${formatAmount(amount, transfer.currency)}) is greater than the amount left on transfer ${transfer.id} (${formatAmount(left, transfer.currency)}).`,
      { param: 'amount' },
    );
  }
  const take = Math.min(amount ?? left, left);
  if (take <= 0) return null;
  const destination = idOf(transfer.destination) ?? null;
  const id = newId('trr');
  const paymentRefundId = newId('pyr');
  const credit = balanceTransaction(emu, { amount: take, currency: transfer.currency, type: 'transfer_refund', category: 'transfer_reversal', source: id, owner: null });
  balanceTransaction(emu, { amount: -take, currency: transfer.currency, type: 'payment_refund', category: 'refund', source: paymentRefundId, owner: destination });
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount: take,
    balance_transaction: credit.id,
    created: emu.clock.now(),
    currency: transfer.currency,
    destination_payment_refund: paymentRefundId,
    metadata: options.metadata ?? {},
    source_refund: options.sourceRefund ?? null,
    transfer: transfer.id,
  };
  emu.state.put('transfer_reversals', id, reversal, null);
  // The destination's payment shows the money gone back.
  const paymentId = idOf(transfer.destination_payment);
  const payment = paymentId ? anyScope(emu, () => emu.state.get('charges', paymentId)) : undefined;
  if (payment) {
    const refunded = payment.amount_refunded + take;
    anyScope(emu, () => emu.state.put('charges', payment.id, { ...payment, amount_refunded: refunded, refunded: refunded >= payment.amount }));
  }
  const amount_reversed = transfer.amount_reversed + take;
  const next: Stripe.Transfer = { ...transfer, amount_reversed, reversed: amount_reversed >= transfer.amount };
  anyScope(emu, () => emu.state.put('transfers', transfer.id, { ...next, reversals: reversalList(emu, transfer.id) }));
  if (options.refundApplicationFee) {
    const charge = anyScope(emu, () => emu.state.get('charges', idOf(transfer.source_transaction) ?? ''));
    const feeId = idOf(charge?.application_fee);
    const fee = feeId ? anyScope(emu, () => emu.state.get('application_fees', feeId)) : undefined;
    if (fee) refundApplicationFee(emu, ctx, fee.id, Math.round((fee.amount * take) / transfer.amount));
  }
  const stored = anyScope(emu, () => emu.state.get('transfers', transfer.id)) ?? next;
  emu.events.emit('transfer.reversed', stored, { ctx, previous: { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed }, account: null });
  return reversal;
}

function findReversal(ctx: ApiContext): Stripe.TransferReversal {
  const transfer = mustGet(ctx.emu, 'transfers', 'transfer', ctx.params.id ?? '');
  const id = ctx.params.reversal ?? '';
  const reversal = ctx.emu.state.get('transfer_reversals', id);
  if (!reversal || reversal.transfer !== transfer.id) throw invalidRequest(`No such transfer reversal: '${id}'`, { status: 404, code: 'resource_missing', param: 'id' });
  return reversal;
}

export function installTransfers(emu: Emulator): void {
  emu.router.api('POST', '/v1/transfers', P.CREATE, (ctx) => expand(emu.state, create(ctx), expandPaths(ctx)));
  emu.router.api('GET', '/v1/transfers/:id', P.RETRIEVE, (ctx) => expand(emu.state, mustGet(emu, 'transfers', 'transfer', ctx.params.id ?? ''), expandPaths(ctx)));
  emu.router.api('POST', '/v1/transfers/:id', P.UPDATE, (ctx) => expand(emu.state, update(ctx), expandPaths(ctx)));
  emu.router.api('GET', '/v1/transfers', P.LIST, (ctx) => {
    const destination = ctx.query.string('destination');
    const group = ctx.query.string('transfer_group');
    const created = createdFilter(ctx.query);
    const items = emu.state
      .all('transfers')
      .filter((tr) => (!destination || tr.destination === destination) && (!group || tr.transfer_group === group) && created(tr.created));
    return expand(emu.state, paginate(items, ctx.query, '/v1/transfers'), expandPaths(ctx));
  });

  emu.router.api('POST', '/v1/transfers/:id/reversals', P.CREATE_REVERSAL, (ctx) => {
    const transfer = mustGet(emu, 'transfers', 'transfer', ctx.params.id ?? '');
    const reversal = reverseTransfer(emu, ctx, transfer.id, ctx.body.integer('amount'), {
      metadata: mergeMetadata({}, ctx.body.metadata()),
      refundApplicationFee: ctx.body.boolean('refund_application_fee') ?? false,
      strict: true,
    });
    if (!reversal) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, { param: 'amount' });
    return expand(emu.state, reversal, expandPaths(ctx));
  });
  emu.router.api('GET', '/v1/transfers/:id/reversals', P.LIST_REVERSALS, (ctx) => {
    const transfer = mustGet(emu, 'transfers', 'transfer', ctx.params.id ?? '');
    const items = emu.state.all('transfer_reversals').filter((r) => r.transfer === transfer.id);
    return expand(emu.state, paginate(items, ctx.query, `/v1/transfers/${transfer.id}/reversals`), expandPaths(ctx));
  });
  emu.router.api('GET', '/v1/transfers/:id/reversals/:reversal', P.RETRIEVE_REVERSAL, (ctx) => expand(emu.state, findReversal(ctx), expandPaths(ctx)));
  emu.router.api('POST', '/v1/transfers/:id/reversals/:reversal', P.UPDATE_REVERSAL, (ctx) => {
    const reversal = findReversal(ctx);
    const next: Stripe.TransferReversal = { ...reversal, metadata: mergeMetadata(reversal.metadata ?? {}, ctx.body.metadata()) };
    emu.state.put('transfer_reversals', next.id, next);
    const transfer = mustGet(emu, 'transfers', 'transfer', ctx.params.id ?? '');
    emu.state.put('transfers', transfer.id, { ...transfer, reversals: reversalList(emu, transfer.id) });
    return expand(emu.state, next, expandPaths(ctx));
  });
}
