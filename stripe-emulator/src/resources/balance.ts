import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';
import { createdFilter, emptyList, expandPaths, mustGet } from './util';
import * as P from '../params/balance';
import * as TRANSFERS from '../params/transfers';

/** Who caused a change: carried into the events' `request` field. */
export type EventCtx = Pick<ApiContext, 'requestId' | 'idempotencyKey'> | undefined;

/** The platform's Connect application, as fees name it. */
export const PLATFORM_APPLICATION = 'ca_emulator_platform';

export function balanceTransaction(
  emu: Emulator,
  input: { amount: number; fee?: number; currency: string; type: Stripe.BalanceTransaction.Type; category: string; source: string; description?: string },
): Stripe.BalanceTransaction {
  const fee = input.fee ?? 0;
  const txn: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: emu.clock.now(),
    balance_type: 'payments',
    created: emu.clock.now(),
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: fee ? [{ amount: fee, application: null, currency: input.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [],
    net: input.amount - fee,
    reporting_category: input.category,
    source: input.source,
    status: 'available',
    type: input.type,
  };
  return emu.state.put('balance_transactions', txn.id, txn);
}

/** The automatic transfer of a destination charge (stored, not yet announced). */
export function destinationTransfer(emu: Emulator, charge: Stripe.Charge, destination: string, amount: number): Stripe.Transfer {
  const id = newId('tr');
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: balanceTransaction(emu, { amount: -amount, currency: charge.currency, type: 'transfer', category: 'transfer', source: id }).id,
    created: emu.clock.now(),
    currency: charge.currency,
    description: null,
    destination,
    destination_payment: newId('py'),
    livemode: false,
    metadata: {},
    reversals: emptyList(`/v1/transfers/${id}/reversals`),
    reversed: false,
    source_transaction: charge.id,
    source_type: 'card',
    transfer_group: charge.transfer_group,
  };
  return emu.state.put('transfers', id, transfer);
}

/** The platform's fee on a destination charge (stored, not yet announced). */
export function applicationFee(emu: Emulator, charge: Stripe.Charge, account: string, amount: number): Stripe.ApplicationFee {
  const id = newId('fee');
  const fee: Stripe.ApplicationFee = {
    id,
    object: 'application_fee',
    account,
    amount,
    amount_refunded: 0,
    application: PLATFORM_APPLICATION,
    balance_transaction: balanceTransaction(emu, { amount, currency: charge.currency, type: 'application_fee', category: 'platform_earning', source: id }).id,
    charge: charge.id,
    created: emu.clock.now(),
    currency: charge.currency,
    fee_source: { charge: charge.id, type: 'charge' },
    livemode: false,
    originating_transaction: charge.id,
    refunded: false,
    refunds: emptyList(`/v1/application_fees/${id}/refunds`),
  };
  return emu.state.put('application_fees', id, fee);
}

/** Returns part of an application fee to the connected account; emits application_fee.refunded. */
export function refundApplicationFee(emu: Emulator, ctx: EventCtx, feeId: string, amount: number): void {
  const fee = emu.state.get('application_fees', feeId);
  if (!fee || amount <= 0) return;
  const take = Math.min(amount, fee.amount - fee.amount_refunded);
  if (take <= 0) return;
  const id = newId('fr');
  const refund: Stripe.FeeRefund = {
    id,
    object: 'fee_refund',
    amount: take,
    balance_transaction: balanceTransaction(emu, { amount: -take, currency: fee.currency, type: 'application_fee_refund', category: 'platform_earning_refund', source: id }).id,
    created: emu.clock.now(),
    currency: fee.currency,
    fee: fee.id,
    metadata: {},
  };
  const amount_refunded = fee.amount_refunded + take;
  const next: Stripe.ApplicationFee = {
    ...fee,
    amount_refunded,
    refunded: amount_refunded >= fee.amount,
    refunds: { ...fee.refunds, data: [refund, ...fee.refunds.data] },
  };
  emu.state.put('application_fees', fee.id, next);
  emu.events.emit('application_fee.refunded', next, { ctx, previous: { amount_refunded: fee.amount_refunded, refunded: fee.refunded } });
}

/** Takes part of a destination transfer back; emits transfer.reversed. Returns the reversal id. */
export function reverseTransfer(emu: Emulator, ctx: EventCtx, transferId: string, amount: number, refundId: string): string | null {
  const transfer = emu.state.get('transfers', transferId);
  if (!transfer || amount <= 0) return null;
  const take = Math.min(amount, transfer.amount - transfer.amount_reversed);
  if (take <= 0) return null;
  const id = newId('trr');
  const reversal: Stripe.TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount: take,
    balance_transaction: balanceTransaction(emu, { amount: take, currency: transfer.currency, type: 'transfer_refund', category: 'transfer_reversal', source: id }).id,
    created: emu.clock.now(),
    currency: transfer.currency,
    destination_payment_refund: newId('pyr'),
    metadata: {},
    source_refund: refundId,
    transfer: transfer.id,
  };
  const amount_reversed = transfer.amount_reversed + take;
  const next: Stripe.Transfer = {
    ...transfer,
    amount_reversed,
    reversed: amount_reversed >= transfer.amount,
    reversals: { ...transfer.reversals, data: [reversal, ...transfer.reversals.data] },
  };
  emu.state.put('transfers', transfer.id, next);
  emu.events.emit('transfer.reversed', next, { ctx, previous: { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed } });
  return id;
}

export function installBalance(emu: Emulator): void {
  emu.router.api('GET', '/v1/balance_transactions/:id', P.TRANSACTION, (ctx) =>
    expand(emu.state, mustGet(emu, 'balance_transactions', 'balance transaction', ctx.params.id ?? ''), expandPaths(ctx)),
  );
  emu.router.api('GET', '/v1/balance_transactions', P.TRANSACTIONS, (ctx) => {
    const type = ctx.query.string('type');
    const source = ctx.query.string('source');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('balance_transactions').filter((t) => (!type || t.type === type) && (!source || t.source === source) && created(t.created));
    return paginate(items, ctx.query, '/v1/balance_transactions');
  });
  // Read-only views of destination-charge transfers; creating separate transfers is Connect's.
  emu.router.api('GET', '/v1/transfers/:id', TRANSFERS.RETRIEVE, (ctx) => expand(emu.state, mustGet(emu, 'transfers', 'transfer', ctx.params.id ?? ''), expandPaths(ctx)));
  emu.router.api('GET', '/v1/transfers', TRANSFERS.LIST, (ctx) => {
    const destination = ctx.query.string('destination');
    const group = ctx.query.string('transfer_group');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('transfers').filter((tr) => (!destination || tr.destination === destination) && (!group || tr.transfer_group === group) && created(tr.created));
    return paginate(items, ctx.query, '/v1/transfers');
  });
  emu.router.api('GET', '/v1/application_fees/:id', P.FEE, (ctx) =>
    expand(emu.state, mustGet(emu, 'application_fees', 'application fee', ctx.params.id ?? ''), expandPaths(ctx)),
  );
  emu.router.api('GET', '/v1/application_fees', P.FEES, (ctx) => {
    const charge = ctx.query.string('charge');
    const items = emu.state.all('application_fees').filter((f) => !charge || f.charge === charge);
    return paginate(items, ctx.query, '/v1/application_fees');
  });
}
