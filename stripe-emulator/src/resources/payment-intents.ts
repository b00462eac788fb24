import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId, newSecret } from '../store/ids';
import { cancelIntent, captureIntent, completeAuthentication, confirmIntent, unexpected } from './payment-flow';
import { createCardPaymentMethod, resolvePaymentMethod } from './payment-methods';
import { checkMinimumAmount, createdFilter, currencyParam, expandPaths, formatAmount, mustGet, requireClientSecret } from './util';
import * as P from '../params/payment-intents';

const MODIFIABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CAPTURE_METHODS = ['automatic', 'automatic_async', 'manual'];
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];

function destinationOf(emu: Emulator, p: Params): Stripe.PaymentIntent.TransferData | null {
  const data = p.object('transfer_data');
  if (!data) return null;
  const destination = data.requiredString('destination');
  const account = emu.state.get('accounts', destination);
  if (!account) throw invalidRequest(`No such destination: '${destination}'`, { param: 'transfer_data[destination]', code: 'resource_missing' });
  if (account.capabilities?.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { param: 'transfer_data[destination]', code: 'insufficient_capabilities_for_transfer' },
    );
  }
  const amount = data.integer('amount');
  return { destination, ...(amount !== undefined ? { amount } : {}) };
}

function checkFee(ctx: ApiContext, fee: number | null, amount: number, currency: string, transfer: Stripe.PaymentIntent.TransferData | null | undefined): void {
  if (fee === null) return;
  if (fee < 0) throw invalidRequest('This value must be greater than or equal to 0.', { param: 'application_fee_amount' });
  // A direct charge (made on a connected account through Stripe-Account) may carry a fee too.
  if (!transfer && !ctx.account) {
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      { param: 'application_fee_amount' },
    );
  }
  if (fee > amount) {
    throw invalidRequest(`The application fee (${formatAmount(fee, currency)}) cannot be greater than the amount (${formatAmount(amount, currency)}).`, {
      param: 'application_fee_amount',
    });
  }
}

function enumParam<T extends string>(p: Params, name: string, allowed: string[]): T | undefined {
  const v = p.string(name);
  if (v === undefined || v === '') return undefined;
  if (!allowed.includes(v)) throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(', ')}`, { param: name });
  return v as T;
}

function customerParam(emu: Emulator, p: Params): string | null {
  const id = p.string('customer');
  if (!id) return null;
  const c = mustGet(emu, 'customers', 'customer', id, 'customer');
  if ((c as { deleted?: unknown }).deleted === true) throw invalidRequest(`No such customer: '${id}'`, { status: 404, code: 'resource_missing', param: 'customer' });
  return id;
}

/** The PaymentMethod a confirm or create names: `payment_method` (id or pm_card_*) or `payment_method_data`. */
function paymentMethodParam(ctx: ApiContext): Stripe.PaymentMethod | undefined {
  const id = ctx.body.string('payment_method');
  if (id) return resolvePaymentMethod(ctx.emu, id);
  const data = ctx.body.object('payment_method_data');
  return data ? createCardPaymentMethod(ctx.emu, data) : undefined;
}

function confirmOptions(ctx: ApiContext): { returnUrl?: string; offSession?: boolean } {
  const offSession = ctx.body.string('off_session');
  return { returnUrl: ctx.body.string('return_url') || undefined, offSession: offSession !== undefined && offSession !== 'false' };
}

function create(ctx: ApiContext): Stripe.PaymentIntent {
  const { body, emu } = ctx;
  const amount = body.requiredInteger('amount');
  const currency = currencyParam(body);
  checkMinimumAmount(amount, currency);
  const transfer = destinationOf(emu, body);
  const fee = body.integer('application_fee_amount') ?? null;
  checkFee(ctx, fee, amount, currency, transfer);
  const customer = customerParam(emu, body);
  const captureMethod = enumParam<Stripe.PaymentIntent.CaptureMethod>(body, 'capture_method', CAPTURE_METHODS) ?? 'automatic';
  const confirmationMethod = enumParam<Stripe.PaymentIntent.ConfirmationMethod>(body, 'confirmation_method', ['automatic', 'manual']) ?? 'automatic';
  const setupFutureUsage = enumParam<Stripe.PaymentIntent.SetupFutureUsage>(body, 'setup_future_usage', ['on_session', 'off_session']) ?? null;
  const pm = paymentMethodParam(ctx);
  // API 2026-10-28 names the accepted types `allowed_payment_method_types` (formerly payment_method_types).
  const types = body.list('allowed_payment_method_types')?.filter((t): t is Stripe.PaymentIntent.AllowedPaymentMethodType => typeof t === 'string');
  const automatic = body.object('automatic_payment_methods');
  const id = newId('pi');
  const pi: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: types?.length ? types : null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: fee,
    automatic_payment_methods:
      types && !automatic ? null : { allow_redirects: automatic?.string('allow_redirects') === 'never' ? 'never' : 'always', enabled: automatic?.boolean('enabled') ?? true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: `${id}_secret_${newSecret(25)}`,
    confirmation_method: confirmationMethod,
    created: emu.clock.now(),
    currency,
    customer,
    customer_account: null,
    description: body.string('description') || null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: mergeMetadata({}, body.metadata()),
    next_action: null,
    on_behalf_of: null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' } },
    payment_method_types: types?.length ? types : ['card'],
    payment_record: null,
    processing: null,
    receipt_email: body.string('receipt_email') || null,
    review: null,
    setup_future_usage: setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: body.string('statement_descriptor') || null,
    statement_descriptor_suffix: body.string('statement_descriptor_suffix') || null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: transfer,
    transfer_group: body.string('transfer_group') || null,
  };
  emu.state.put('payment_intents', id, pi);
  emu.events.emit('payment_intent.created', pi, { ctx });
  const result = body.boolean('confirm') ? confirmIntent(emu, ctx, pi, pm, confirmOptions(ctx)) : pi;
  return expand(emu.state, result, expandPaths(ctx));
}

function update(ctx: ApiContext): Stripe.PaymentIntent {
  const { body, emu } = ctx;
  const pi = mustGet(emu, 'payment_intents', 'payment_intent', ctx.params.id ?? '');
  for (const field of ['amount', 'currency', 'payment_method', 'capture_method', 'application_fee_amount', 'transfer_data', 'customer', 'allowed_payment_method_types']) {
    if (body.has(field) && !MODIFIABLE.includes(pi.status)) {
      throw unexpected(
        pi,
        `This PaymentIntent's ${field} could not be updated because it has a status of ${pi.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${MODIFIABLE.join(', ')}.`,
      );
    }
  }
  const amount = body.integer('amount') ?? pi.amount;
  const currency = body.has('currency') ? currencyParam(body) : pi.currency;
  if (body.has('amount') || body.has('currency')) checkMinimumAmount(amount, currency);
  const transfer = body.has('transfer_data') ? destinationOf(emu, body) : (pi.transfer_data ?? null);
  const fee = body.has('application_fee_amount') ? (body.integer('application_fee_amount') ?? null) : pi.application_fee_amount;
  checkFee(ctx, fee, amount, currency, transfer);
  const pm = paymentMethodParam(ctx);
  const next: Stripe.PaymentIntent = {
    ...pi,
    amount,
    currency,
    application_fee_amount: fee,
    transfer_data: transfer,
    capture_method: enumParam(body, 'capture_method', CAPTURE_METHODS) ?? pi.capture_method,
    customer: body.has('customer') ? customerParam(emu, body) : pi.customer,
    description: body.has('description') ? body.string('description') || null : pi.description,
    receipt_email: body.has('receipt_email') ? body.string('receipt_email') || null : pi.receipt_email,
    metadata: mergeMetadata(pi.metadata, body.metadata()),
    payment_method: pm ? pm.id : pi.payment_method,
    setup_future_usage: enumParam(body, 'setup_future_usage', ['on_session', 'off_session']) ?? pi.setup_future_usage,
    last_payment_error: null,
    ...(pm && pi.status === 'requires_payment_method' ? { status: 'requires_confirmation' } : {}),
  };
  emu.state.put('payment_intents', pi.id, next);
  return expand(emu.state, next, expandPaths(ctx));
}

function get(ctx: ApiContext): Stripe.PaymentIntent {
  const pi = mustGet(ctx.emu, 'payment_intents', 'payment_intent', ctx.params.id ?? '');
  requireClientSecret(ctx, pi.client_secret);
  return pi;
}

export function installPaymentIntents(emu: Emulator): void {
  emu.router.api('POST', '/v1/payment_intents', P.CREATE, create);
  emu.router.api('GET', '/v1/payment_intents', P.LIST, (ctx) => {
    const customer = ctx.query.string('customer');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('payment_intents').filter((pi) => (!customer || pi.customer === customer) && created(pi.created));
    return paginate(items, ctx.query, '/v1/payment_intents');
  });
  emu.router.api('GET', '/v1/payment_intents/:id', P.RETRIEVE, (ctx) => expand(emu.state, get(ctx), expandPaths(ctx)), { publishable: true });
  emu.router.api('POST', '/v1/payment_intents/:id', P.UPDATE, update);
  emu.router.api(
    'POST',
    '/v1/payment_intents/:id/confirm',
    P.CONFIRM,
    (ctx) => {
      const pi = get(ctx);
      const pm = paymentMethodParam(ctx);
      const withReceipt = ctx.body.has('receipt_email') ? { ...pi, receipt_email: ctx.body.string('receipt_email') || null } : pi;
      return expand(emu.state, confirmIntent(emu, ctx, withReceipt, pm, confirmOptions(ctx)), expandPaths(ctx));
    },
    { publishable: true },
  );
  emu.router.api('POST', '/v1/payment_intents/:id/capture', P.CAPTURE, (ctx) => {
    const pi = mustGet(emu, 'payment_intents', 'payment_intent', ctx.params.id ?? '');
    const next = captureIntent(emu, ctx, pi, ctx.body.integer('amount_to_capture'), ctx.body.integer('application_fee_amount'));
    return expand(emu.state, next, expandPaths(ctx));
  });
  emu.router.api('POST', '/v1/payment_intents/:id/cancel', P.CANCEL, (ctx) => {
    const pi = mustGet(emu, 'payment_intents', 'payment_intent', ctx.params.id ?? '');
    const reason = enumParam<Stripe.PaymentIntent.CancellationReason>(ctx.body, 'cancellation_reason', CANCELLATION_REASONS) ?? null;
    return expand(emu.state, cancelIntent(emu, ctx, pi, reason), expandPaths(ctx));
  });
  /** The 3-D Secure step, for the emulator's challenge page and tests: outcome=succeed|fail. */
  emu.router.api(
    'POST',
    '/v1/payment_intents/:id/_authenticate',
    P.AUTHENTICATE,
    (ctx) => {
      get(ctx);
      const outcome = ctx.body.requiredString('outcome');
      if (outcome !== 'succeed' && outcome !== 'fail') throw invalidRequest('Invalid outcome: must be one of succeed, fail', { param: 'outcome' });
      return expand(emu.state, completeAuthentication(emu, ctx.params.id ?? '', outcome, ctx), expandPaths(ctx));
    },
    { publishable: true },
  );
}
