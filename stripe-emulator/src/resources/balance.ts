import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import type { ApiContext } from '../http/router';
import * as P from '../params/balance';
import { newId } from '../store/ids';
import type { Owner } from '../store/state';
import { createdFilter, emptyList, expandPaths, mustGet } from './util';

/** Who caused a change: carried into the events' `request` field. */
export type EventCtx = Pick<ApiContext, 'requestId' | 'idempotencyKey'> | undefined;

/** The platform's Connect application, as fees name it. */
export const PLATFORM_APPLICATION = 'ca_emulator_platform';

/** The platform's currency when it holds no money yet (a UK platform, as Wellbook is). */
export const PLATFORM_CURRENCY = 'gbp';

export interface BalanceEntry {
  amount: number;
  /** Stripe's processing fee, taken from the amount. */
  fee?: number;
  /** The platform's application fee, taken from the amount (connected accounts). */
  applicationFee?: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  category: string;
  source: string;
  description?: string;
  /** Unix seconds; later than now: the funds are pending until then. Default now. */
  availableOn?: number;
  /** The account whose balance moves; default the current scope's. */
  owner?: Owner;
}

/** One movement of an account's (or the platform's) balance. */
export function balanceTransaction(emu: Emulator, input: BalanceEntry): Stripe.BalanceTransaction {
  const now = emu.clock.now();
  const availableOn = Math.max(now, input.availableOn ?? now);
  const fee_details: Stripe.BalanceTransaction.FeeDetail[] = [];
  if (input.applicationFee) {
    fee_details.push({ amount: input.applicationFee, application: PLATFORM_APPLICATION, currency: input.currency, description: 'Application fee', type: 'application_fee' });
  }
  if (input.fee) fee_details.push({ amount: input.fee, application: null, currency: input.currency, description: 'Stripe processing fees', type: 'stripe_fee' });
  const fee = fee_details.reduce((sum, d) => sum + d.amount, 0);
  const txn: Stripe.BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount: input.amount,
    available_on: availableOn,
    balance_type: 'payments',
    created: now,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee,
    fee_details,
    net: input.amount - fee,
    reporting_category: input.category,
    source: input.source,
    status: availableOn > now ? 'pending' : 'available',
    type: input.type,
  };
  return emu.state.put('balance_transactions', txn.id, txn, input.owner);
}

/** The balance transaction behind a charge, transfer, ... (any account). */
export function transactionOf(emu: Emulator, id: string | { id: string } | null | undefined): Stripe.BalanceTransaction | undefined {
  const txnId = typeof id === 'string' ? id : id?.id;
  return txnId ? emu.state.withScope(undefined, () => emu.state.get('balance_transactions', txnId)) : undefined;
}

/**
 * Pending funds whose `available_on` has come (on the emulator's clock) become available;
 * each account (and the platform) whose balance grew hears `balance.available`.
 */
export function releaseDueFunds(emu: Emulator): void {
  const now = emu.clock.now();
  const owners = new Set<Owner>();
  emu.state.withScope(undefined, () => {
    for (const txn of emu.state.all('balance_transactions')) {
      if (txn.status !== 'pending' || txn.available_on > now) continue;
      emu.state.put('balance_transactions', txn.id, { ...txn, status: 'available' });
      owners.add(emu.state.ownerOf(txn.id));
    }
  });
  for (const owner of owners) emu.events.emit('balance.available', balanceOf(emu, owner), { account: owner });
}

/** Releases every pending fund now (control API). */
export function releaseAllFunds(emu: Emulator): void {
  emu.state.withScope(undefined, () => {
    for (const txn of emu.state.all('balance_transactions')) {
      if (txn.status === 'pending') emu.state.put('balance_transactions', txn.id, { ...txn, available_on: emu.clock.now() });
    }
  });
  releaseDueFunds(emu);
}

function defaultCurrency(emu: Emulator, owner: Owner): string {
  if (!owner) return PLATFORM_CURRENCY;
  return emu.state.withScope(undefined, () => emu.state.get('accounts', owner))?.default_currency ?? PLATFORM_CURRENCY;
}

/** Available and pending amounts per currency of one account (or the platform). */
export function balanceOf(emu: Emulator, owner: Owner): Stripe.Balance {
  const now = emu.clock.now();
  const sums = new Map<string, { available: number; pending: number; cardAvailable: number; cardPending: number }>();
  sums.set(defaultCurrency(emu, owner), { available: 0, pending: 0, cardAvailable: 0, cardPending: 0 });
  for (const txn of emu.state.ownedBy('balance_transactions', owner)) {
    const sum = sums.get(txn.currency) ?? { available: 0, pending: 0, cardAvailable: 0, cardPending: 0 };
    if (txn.available_on <= now) sum.available += txn.net;
    else sum.pending += txn.net;
    sums.set(txn.currency, sum);
  }
  const entries = [...sums.entries()];
  return {
    object: 'balance',
    available: entries.map(([currency, s]) => ({ amount: s.available, currency, source_types: { card: s.available } })),
    ...(owner === null ? { connect_reserved: entries.map(([currency]) => ({ amount: 0, currency })) } : {}),
    livemode: false,
    pending: entries.map(([currency, s]) => ({ amount: s.pending, currency, source_types: { card: s.pending } })),
  };
}

/** What an account (or the platform) may spend now in one currency. */
export function availableAmount(emu: Emulator, owner: Owner, currency: string): number {
  return balanceOf(emu, owner).available.find((a) => a.currency === currency)?.amount ?? 0;
}

/** The platform's fee on a destination charge (stored, not yet announced). */
export function applicationFee(emu: Emulator, charge: Stripe.Charge, account: string, amount: number, availableOn?: number): Stripe.ApplicationFee {
  const id = newId('fee');
  const fee: Stripe.ApplicationFee = {
    id,
    object: 'application_fee',
    account,
    amount,
    amount_refunded: 0,
    application: PLATFORM_APPLICATION,
    balance_transaction: balanceTransaction(emu, {
      amount,
      currency: charge.currency,
      type: 'application_fee',
      category: 'platform_earning',
      source: id,
      availableOn,
      owner: null,
    }).id,
    charge: charge.id,
    created: emu.clock.now(),
    currency: charge.currency,
    fee_source: { charge: charge.id, type: 'charge' },
    livemode: false,
    originating_transaction: charge.id,
    refunded: false,
    refunds: emptyList(`/v1/application_fees/${id}/refunds`),
  };
  return emu.state.put('application_fees', id, fee, null);
}

/** Returns part of an application fee to the connected account; emits application_fee.refunded. */
export function refundApplicationFee(emu: Emulator, ctx: EventCtx, feeId: string, amount: number): void {
  const fee = emu.state.withScope(undefined, () => emu.state.get('application_fees', feeId));
  if (!fee || amount <= 0) return;
  const take = Math.min(amount, fee.amount - fee.amount_refunded);
  if (take <= 0) return;
  const id = newId('fr');
  const account = typeof fee.account === 'string' ? fee.account : fee.account.id;
  const common = { currency: fee.currency, type: 'application_fee_refund', source: id } as const;
  const refund: Stripe.FeeRefund = {
    id,
    object: 'fee_refund',
    amount: take,
    balance_transaction: balanceTransaction(emu, { ...common, amount: -take, category: 'platform_earning_refund', owner: null }).id,
    created: emu.clock.now(),
    currency: fee.currency,
    fee: fee.id,
    metadata: {},
  };
  balanceTransaction(emu, { ...common, amount: take, category: 'fee', owner: account });
  const amount_refunded = fee.amount_refunded + take;
  const next: Stripe.ApplicationFee = {
    ...fee,
    amount_refunded,
    refunded: amount_refunded >= fee.amount,
    refunds: { ...fee.refunds, data: [refund, ...fee.refunds.data] },
  };
  emu.state.put('application_fees', fee.id, next);
  emu.events.emit('application_fee.refunded', next, { ctx, previous: { amount_refunded: fee.amount_refunded, refunded: fee.refunded }, account: null });
}

export function installBalance(emu: Emulator): void {
  emu.router.api('GET', '/v1/balance', P.BALANCE, (ctx) => {
    releaseDueFunds(emu);
    return balanceOf(emu, ctx.account);
  });
  emu.router.api('GET', '/v1/balance_transactions/:id', P.TRANSACTION, (ctx) => {
    releaseDueFunds(emu);
    return expand(emu.state, mustGet(emu, 'balance_transactions', 'balance transaction', ctx.params.id ?? ''), expandPaths(ctx));
  });
  emu.router.api('GET', '/v1/balance_transactions', P.TRANSACTIONS, (ctx) => {
    releaseDueFunds(emu);
    const type = ctx.query.string('type');
    const source = ctx.query.string('source');
    const currency = ctx.query.string('currency');
    const created = createdFilter(ctx.query);
    const items = emu.state
      .all('balance_transactions')
      .filter((t) => (!type || t.type === type) && (!source || t.source === source) && (!currency || t.currency === currency) && created(t.created));
    return paginate(items, ctx.query, '/v1/balance_transactions');
  });
  emu.router.api('GET', '/v1/application_fees/:id', P.FEE, (ctx) =>
    expand(emu.state, mustGet(emu, 'application_fees', 'application fee', ctx.params.id ?? ''), expandPaths(ctx)),
  );
  emu.router.api('GET', '/v1/application_fees', P.FEES, (ctx) => {
    const charge = ctx.query.string('charge');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('application_fees').filter((f) => (!charge || f.charge === charge) && created(f.created));
    return paginate(items, ctx.query, '/v1/application_fees');
  });
}
