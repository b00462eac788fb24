import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata } from '../http/params';
import type { ApiContext } from '../http/router';
import * as P from '../params/payouts';
import { newId } from '../store/ids';
import { availableAmount, balanceTransaction, releaseDueFunds } from './balance';
import { BALANCE_INSUFFICIENT } from './transfers';
import { createdFilter, currencyParam, expandPaths, mustGet } from './util';

/** How long a payout takes to reach the bank (or to fail) in the emulator. */
export const PAYOUT_SETTLE_MS = 1_000;

/** What the control API asks of the next payouts: fail with this code. */
export interface PayoutFailures {
  remaining: number;
  code: string;
}

const FAILURE_MESSAGES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  could_not_process: 'The bank could not process this payout.',
};

export const PAYOUT_FAILURE_CODES = Object.keys(FAILURE_MESSAGES);

const failures = new WeakMap<Emulator, PayoutFailures>();

export function payoutFailuresOf(emu: Emulator): PayoutFailures {
  const found = failures.get(emu);
  if (found) return found;
  const created: PayoutFailures = { remaining: 0, code: 'account_closed' };
  failures.set(emu, created);
  emu.onReset(() => {
    created.remaining = 0;
  });
  return created;
}

function create(ctx: ApiContext, timers: Set<NodeJS.Timeout>): Stripe.Payout {
  const { body, emu } = ctx;
  const amount = body.requiredInteger('amount');
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  const currency = currencyParam(body);
  const account = ctx.account ? emu.state.data.accounts[ctx.account] : undefined;
  if (account && !account.payouts_enabled) {
    throw invalidRequest('Payouts are not allowed on this account until its onboarding is complete.', { code: 'payouts_not_allowed' });
  }
  const method = body.string('method') ?? 'standard';
  if (method !== 'standard' && method !== 'instant') throw invalidRequest('Invalid method: must be one of standard or instant', { param: 'method' });
  releaseDueFunds(emu);
  if (availableAmount(emu, ctx.account, currency) < amount) throw invalidRequest(BALANCE_INSUFFICIENT, { code: 'balance_insufficient' });
  const id = newId('po');
  const now = emu.clock.now();
  const payout: Stripe.Payout = {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: method === 'instant' ? now : now + 2 * 86_400,
    automatic: false,
    balance_transaction: balanceTransaction(emu, { amount: -amount, currency, type: 'payout', category: 'payout', source: id }).id,
    created: now,
    currency,
    description: body.string('description') || null,
    destination: `ba_emulator_${(ctx.account ?? 'platform').replace(/^acct_/, '')}`,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: mergeMetadata({}, body.metadata()),
    method,
    original_payout: null,
    payout_method: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: body.string('source_type') ?? 'card',
    statement_descriptor: body.string('statement_descriptor') || null,
    status: 'pending',
    trace_id: null,
    type: 'bank_account',
  };
  emu.state.put('payouts', id, payout);
  emu.events.emit('payout.created', payout, { ctx });
  const planned = payoutFailuresOf(emu);
  const failCode = planned.remaining > 0 ? planned.code : undefined;
  if (failCode) planned.remaining -= 1;
  const timer = setTimeout(() => {
    timers.delete(timer);
    settle(emu, id, failCode);
  }, PAYOUT_SETTLE_MS);
  timer.unref();
  timers.add(timer);
  return payout;
}

/** The bank's answer: paid, or failed with the money back on the balance. */
function settle(emu: Emulator, id: string, failCode: string | undefined): void {
  const payout = emu.state.get('payouts', id);
  if (!payout || payout.status !== 'pending') return;
  const previous = { status: payout.status };
  if (!failCode) {
    const paid = emu.state.put('payouts', id, { ...payout, status: 'paid', reconciliation_status: 'completed' });
    emu.events.emit('payout.updated', paid, { previous });
    emu.events.emit('payout.paid', paid, { previous });
    return;
  }
  const txn = balanceTransaction(emu, {
    amount: payout.amount,
    currency: payout.currency,
    type: 'payout_failure',
    category: 'payout_reversal',
    source: id,
    owner: emu.state.ownerOf(id),
  });
  const failed = emu.state.put('payouts', id, {
    ...payout,
    status: 'failed',
    failure_code: failCode,
    failure_message: FAILURE_MESSAGES[failCode] ?? 'The payout failed.',
    failure_balance_transaction: txn.id,
  });
  emu.events.emit('payout.updated', failed, { previous });
  emu.events.emit('payout.failed', failed, { previous });
}

function cancel(ctx: ApiContext): Stripe.Payout {
  const payout = mustGet(ctx.emu, 'payouts', 'payout', ctx.params.id ?? '');
  if (payout.status !== 'pending') {
    throw invalidRequest(`Payouts can only be canceled while they are pending. This payout has a status of ${payout.status}.`, { param: 'payout' });
  }
  const txn = balanceTransaction(ctx.emu, { amount: payout.amount, currency: payout.currency, type: 'payout_cancel', category: 'payout_reversal', source: payout.id });
  const canceled = ctx.emu.state.put('payouts', payout.id, { ...payout, status: 'canceled', failure_balance_transaction: txn.id });
  ctx.emu.events.emit('payout.canceled', canceled, { ctx, previous: { status: 'pending' } });
  return canceled;
}

export function installPayouts(emu: Emulator): void {
  const timers = new Set<NodeJS.Timeout>();
  const clear = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  emu.onReset(clear);
  emu.onClose(clear);

  emu.router.api('POST', '/v1/payouts', P.CREATE, (ctx) => expand(emu.state, create(ctx, timers), expandPaths(ctx)));
  emu.router.api('GET', '/v1/payouts/:id', P.RETRIEVE, (ctx) => expand(emu.state, mustGet(emu, 'payouts', 'payout', ctx.params.id ?? ''), expandPaths(ctx)));
  emu.router.api('POST', '/v1/payouts/:id', P.UPDATE, (ctx) => {
    const payout = mustGet(emu, 'payouts', 'payout', ctx.params.id ?? '');
    const next = emu.state.put('payouts', payout.id, { ...payout, metadata: mergeMetadata(payout.metadata ?? {}, ctx.body.metadata()) });
    emu.events.emit('payout.updated', next, { ctx, previous: { metadata: payout.metadata } });
    return expand(emu.state, next, expandPaths(ctx));
  });
  emu.router.api('POST', '/v1/payouts/:id/cancel', P.CANCEL, (ctx) => expand(emu.state, cancel(ctx), expandPaths(ctx)));
  emu.router.api('GET', '/v1/payouts', P.LIST, (ctx) => {
    const status = ctx.query.string('status');
    const created = createdFilter(ctx.query);
    const arrival = createdFilter(ctx.query, 'arrival_date');
    const items = emu.state.all('payouts').filter((p) => (!status || p.status === status) && created(p.created) && arrival(p.arrival_date));
    return paginate(items, ctx.query, '/v1/payouts');
  });
}
