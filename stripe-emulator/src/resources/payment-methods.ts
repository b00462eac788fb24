import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { StripeApiError, invalidRequest, missingParam } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';
import { behaviourOf, cardDetails, testCardNumber, validateCard, type CardInput } from './cards';
import { expandPaths, mustGet } from './util';
import * as P from '../params/payment-methods';
import { LIST_PAYMENT_METHODS as LIST_FOR_CUSTOMER } from '../params/customers';

function billingDetails(p: Params | undefined, current?: Stripe.PaymentMethod.BillingDetails): Stripe.PaymentMethod.BillingDetails {
  const base: Stripe.PaymentMethod.BillingDetails = current ?? { address: null, email: null, name: null, phone: null, tax_id: null };
  if (!p) return base;
  const a = p.object('address');
  return {
    address: a
      ? {
          city: a.string('city') ?? null,
          country: a.string('country') ?? null,
          line1: a.string('line1') ?? null,
          line2: a.string('line2') ?? null,
          postal_code: a.string('postal_code') ?? null,
          state: a.string('state') ?? null,
        }
      : base.address,
    email: p.string('email') ?? base.email,
    name: p.string('name') ?? base.name,
    phone: p.string('phone') ?? base.phone,
    tax_id: base.tax_id,
  };
}

function storeCardMethod(emu: Emulator, input: CardInput, extra: { billing?: Params; metadata?: Record<string, string> } = {}): Stripe.PaymentMethod {
  const pm: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billingDetails(extra.billing),
    card: cardDetails(input),
    created: emu.clock.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: extra.metadata ?? {},
    type: 'card',
  };
  return emu.state.put('payment_methods', pm.id, pm);
}

/** A fresh PaymentMethod for a `pm_card_*` test id, as Stripe makes one each time such an id is used. */
function fromTestAlias(emu: Emulator, id: string): Stripe.PaymentMethod | undefined {
  const number = testCardNumber(id);
  if (!number) return undefined;
  return storeCardMethod(emu, { number, exp_month: 12, exp_year: new Date(emu.clock.nowMs()).getUTCFullYear() + 3, cvc: '123' });
}

/** The PaymentMethod behind an id given anywhere one is expected (stored `pm_...` or a `pm_card_*` test id). */
export function resolvePaymentMethod(emu: Emulator, id: string, param = 'payment_method'): Stripe.PaymentMethod {
  return emu.state.get('payment_methods', id) ?? fromTestAlias(emu, id) ?? mustGet(emu, 'payment_methods', 'PaymentMethod', id, param);
}

/**
 * Attaching a card checks it with the bank, as Stripe does: a declining test card answers
 * its 402 and stays unattached (only 4000 0000 0000 0341 attaches and fails later).
 */
function checkCardOnAttach(pm: Stripe.PaymentMethod): void {
  const behaviour = behaviourOf(pm.card?.fingerprint);
  if (behaviour.kind !== 'decline' || behaviour.attachable) return;
  throw new StripeApiError(402, {
    type: 'card_error',
    code: behaviour.code,
    ...(behaviour.decline_code ? { decline_code: behaviour.decline_code } : {}),
    message: behaviour.message,
    ...(behaviour.param ? { param: behaviour.param } : {}),
  });
}

export function attachPaymentMethod(ctx: ApiContext, pm: Stripe.PaymentMethod, customerId: string): Stripe.PaymentMethod {
  const { emu } = ctx;
  mustGet(emu, 'customers', 'customer', customerId, 'customer');
  if (pm.customer === customerId) return pm;
  if (pm.customer) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', { param: 'payment_method' });
  }
  checkCardOnAttach(pm);
  const next = emu.state.put('payment_methods', pm.id, { ...pm, customer: customerId });
  emu.events.emit('payment_method.attached', next, { ctx, previous: { customer: null } });
  return next;
}

/** A card PaymentMethod from `type=card&card[number]=...` (also `payment_method_data` on confirm). */
export function createCardPaymentMethod(emu: Emulator, p: Params): Stripe.PaymentMethod {
  const type = p.requiredString('type');
  if (type !== 'card') throw invalidRequest(`The payment method type "${type}" is not supported by this emulator; use card.`, { param: 'type' });
  const card = p.object('card');
  if (!card) throw missingParam('card');
  for (const field of ['number', 'exp_month', 'exp_year']) if (!card.has(field) || card.raw[field] === '') throw missingParam(`card[${field}]`);
  const input: CardInput = {
    number: card.requiredString('number'),
    exp_month: card.requiredInteger('exp_month'),
    exp_year: card.requiredInteger('exp_year'),
    cvc: card.string('cvc'),
  };
  const now = new Date(emu.clock.nowMs());
  validateCard(input, now.getUTCFullYear(), now.getUTCMonth() + 1);
  return storeCardMethod(emu, input, { billing: p.object('billing_details'), metadata: mergeMetadata({}, p.metadata()) });
}

function listPaymentMethods(ctx: ApiContext, customer: string | undefined): Stripe.ApiList<Stripe.PaymentMethod> {
  const type = ctx.query.string('type');
  if (customer) mustGet(ctx.emu, 'customers', 'customer', customer, 'customer');
  const items = ctx.emu.state
    .all('payment_methods')
    .filter((pm) => pm.customer !== null && (customer === undefined || pm.customer === customer) && (type === undefined || pm.type === type));
  return paginate(items, ctx.query, '/v1/payment_methods');
}

export function installPaymentMethods(emu: Emulator): void {
  emu.router.api('POST', '/v1/payment_methods', P.CREATE, (ctx) => expand(emu.state, createCardPaymentMethod(emu, ctx.body), expandPaths(ctx)), { publishable: true });

  emu.router.api('GET', '/v1/payment_methods/:id', P.RETRIEVE, (ctx) => expand(emu.state, resolvePaymentMethod(emu, ctx.params.id ?? '', 'id'), expandPaths(ctx)));

  emu.router.api('POST', '/v1/payment_methods/:id', P.UPDATE, (ctx) => {
    const pm = resolvePaymentMethod(emu, ctx.params.id ?? '', 'id');
    const card = ctx.body.object('card');
    const next: Stripe.PaymentMethod = {
      ...pm,
      billing_details: billingDetails(ctx.body.object('billing_details'), pm.billing_details),
      metadata: mergeMetadata(pm.metadata ?? {}, ctx.body.metadata()),
      ...(card && pm.card
        ? { card: { ...pm.card, exp_month: card.integer('exp_month') ?? pm.card.exp_month, exp_year: card.integer('exp_year') ?? pm.card.exp_year } }
        : {}),
    };
    emu.state.put('payment_methods', pm.id, next);
    emu.events.emit('payment_method.updated', next, { ctx });
    return expand(emu.state, next, expandPaths(ctx));
  });

  emu.router.api('POST', '/v1/payment_methods/:id/attach', P.ATTACH, (ctx) => {
    const pm = resolvePaymentMethod(emu, ctx.params.id ?? '', 'id');
    return expand(emu.state, attachPaymentMethod(ctx, pm, ctx.body.requiredString('customer')), expandPaths(ctx));
  });

  emu.router.api('POST', '/v1/payment_methods/:id/detach', P.DETACH, (ctx) => {
    const pm = resolvePaymentMethod(emu, ctx.params.id ?? '', 'id');
    if (!pm.customer) {
      throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', { param: 'payment_method' });
    }
    const previous = { customer: pm.customer };
    const next = emu.state.put('payment_methods', pm.id, { ...pm, customer: null });
    emu.events.emit('payment_method.detached', next, { ctx, previous });
    return expand(emu.state, next, expandPaths(ctx));
  });

  emu.router.api('GET', '/v1/payment_methods', P.LIST, (ctx) => listPaymentMethods(ctx, ctx.query.string('customer')));
  emu.router.api('GET', '/v1/customers/:id/payment_methods', LIST_FOR_CUSTOMER, (ctx) => {
    const list = listPaymentMethods(ctx, ctx.params.id ?? '');
    return { ...list, url: `/v1/customers/${ctx.params.id ?? ''}/payment_methods` };
  });
}
