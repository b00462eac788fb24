import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { readBody, sendHtml, type Emulator, type Module } from '../emulator';
import { StripeApiError, invalidRequest } from '../http/errors';
import { decodeForm, type FormObject } from '../http/form';
import { expand } from '../http/expand';
import { callApi } from '../http/internal';
import { paginate } from '../http/list';
import { Params } from '../http/params';
import { authenticationPage, checkoutPage, closedPage } from './checkout-page';
import { createSession, expireIfDue, expireSession, getSession } from './checkout-sessions';
import { completeAuthentication } from './payment-flow';
import { expandPaths } from './util';
import * as P from '../params/checkout';

const SWEEP_MS = 1_000;

function redirect(res: ServerResponse, url: string): void {
  res.writeHead(303, { Location: url });
  res.end();
}

/** The customer paid: the session completes, announces it, and the browser goes to success_url. */
function complete(emu: Emulator, session: Stripe.Checkout.Session, pi: Stripe.PaymentIntent, email: string | null): Stripe.Checkout.Session {
  const done = emu.state.put('checkout_sessions', session.id, {
    ...session,
    status: 'complete',
    payment_status: 'paid',
    payment_intent: pi.id,
    url: null,
    customer_details: {
      address: null,
      business_name: null,
      email,
      individual_name: null,
      name: null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
  });
  emu.events.emit('checkout.session.completed', done, { previous: { status: 'open', payment_status: 'unpaid' } });
  return done;
}

function successUrl(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', session.id);
}

/** Creates the PaymentIntent the session describes and confirms it with the card typed on the page. */
function pay(emu: Emulator, session: Stripe.Checkout.Session, form: Params): Stripe.PaymentIntent {
  // The payment happens on the account the session was created on.
  const account = emu.state.ownerOf(session.id);
  const [month, year] = (form.string('expiry') ?? '').split('/').map((s) => s.trim());
  const pm = callApi<Stripe.PaymentMethod>(emu, 'POST', '/v1/payment_methods', {
    type: 'card',
    card: { number: (form.string('number') ?? '').replace(/\s+/g, ''), exp_month: month ?? '', exp_year: year ?? '', cvc: form.string('cvc') ?? '' },
    billing_details: { email: form.string('email') ?? '', address: { postal_code: form.string('postal_code') ?? '' } },
  }, undefined, account);
  const existing = typeof session.payment_intent === 'string' ? emu.state.get('payment_intents', session.payment_intent) : undefined;
  // A retry after a decline confirms the same PaymentIntent again, as Stripe Checkout does.
  if (existing?.status === 'requires_payment_method') {
    return callApi<Stripe.PaymentIntent>(emu, 'POST', `/v1/payment_intents/${existing.id}/confirm`, { payment_method: pm.id }, undefined, account);
  }
  const pending = emu.state.get('checkout_payment_data', session.id);
  const body: FormObject = {
    amount: String(session.amount_total ?? 0),
    currency: session.currency ?? 'usd',
    payment_method: pm.id,
    confirm: 'true',
    description: pending?.description ?? '',
    metadata: pending?.metadata ?? {},
    capture_method: pending?.captureMethod ?? 'automatic',
  };
  if (session.customer) body.customer = typeof session.customer === 'string' ? session.customer : session.customer.id;
  if (pending?.applicationFeeAmount !== undefined) body.application_fee_amount = String(pending.applicationFeeAmount);
  if (pending?.destination) body.transfer_data = { destination: pending.destination };
  const email = form.string('email') || session.customer_email;
  if (email) body.receipt_email = email;
  // Remember the intent before confirming, so a 3-D Secure step can find it.
  const created = callApi<Stripe.PaymentIntent>(emu, 'POST', '/v1/payment_intents', { ...body, confirm: 'false' }, undefined, account);
  emu.state.put('checkout_sessions', session.id, { ...session, payment_intent: created.id });
  return callApi<Stripe.PaymentIntent>(emu, 'POST', `/v1/payment_intents/${created.id}/confirm`, { payment_method: pm.id }, undefined, account);
}

function afterPayment(emu: Emulator, res: ServerResponse, session: Stripe.Checkout.Session, pi: Stripe.PaymentIntent, email: string | null): void {
  if (pi.status === 'requires_action') return sendHtml(res, 200, authenticationPage(session));
  if (pi.status === 'succeeded' || pi.status === 'requires_capture') {
    return redirect(res, successUrl(complete(emu, session, pi, email)));
  }
  sendHtml(res, 402, checkoutPage(emu, session, { error: pi.last_payment_error?.message ?? 'The payment did not go through.' }));
}

function openSession(emu: Emulator, res: ServerResponse, id: string): Stripe.Checkout.Session | undefined {
  const session = emu.state.get('checkout_sessions', id);
  if (!session) {
    sendHtml(res, 404, closedPage({ status: 'expired', cancel_url: null }));
    return undefined;
  }
  const current = expireIfDue(emu, session);
  if (current.status === 'complete') {
    redirect(res, successUrl(current));
    return undefined;
  }
  if (current.status !== 'open') {
    sendHtml(res, 410, closedPage(current));
    return undefined;
  }
  return current;
}

async function formOf(req: IncomingMessage): Promise<Params> {
  return new Params(decodeForm(await readBody(req)));
}

export const checkoutModule: Module = (emu) => {
  emu.router.api('POST', '/v1/checkout/sessions', P.CREATE, (ctx) => expand(ctx.emu.state, createSession(ctx.emu, ctx.body), expandPaths(ctx)));
  emu.router.api('GET', '/v1/checkout/sessions/:id', P.RETRIEVE, (ctx) => expand(ctx.emu.state, getSession(ctx.emu, ctx.params.id ?? ''), expandPaths(ctx)));
  emu.router.api('GET', '/v1/checkout/sessions', P.LIST, (ctx) => {
    const pi = ctx.query.string('payment_intent');
    const customer = ctx.query.string('customer');
    const status = ctx.query.string('status');
    const items = ctx.emu.state
      .all('checkout_sessions')
      .map((s) => expireIfDue(ctx.emu, s))
      .filter((s) => (!pi || s.payment_intent === pi) && (!customer || s.customer === customer) && (!status || s.status === status));
    return expand(ctx.emu.state, paginate(items, ctx.query, '/v1/checkout/sessions'), expandPaths(ctx));
  });
  emu.router.api('POST', '/v1/checkout/sessions/:id/expire', P.EXPIRE, (ctx) => {
    const session = getSession(ctx.emu, ctx.params.id ?? '');
    if (session.status !== 'open') {
      throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
    }
    return expand(ctx.emu.state, expireSession(ctx.emu, session), expandPaths(ctx));
  });
  emu.router.api('GET', '/v1/checkout/sessions/:id/line_items', P.LIST_LINE_ITEMS, (ctx) => {
    const session = getSession(ctx.emu, ctx.params.id ?? '');
    const items = ctx.emu.state.get('checkout_line_items', session.id) ?? [];
    return paginate(items, ctx.query, `/v1/checkout/sessions/${session.id}/line_items`);
  });

  emu.router.raw('GET', '/_emulator/checkout/:id', (_req, res, params) => {
    const session = openSession(emu, res, params.id ?? '');
    if (session) sendHtml(res, 200, checkoutPage(emu, session));
  });
  emu.router.raw('POST', '/_emulator/checkout/:id/pay', async (req, res, params) => {
    const form = await formOf(req);
    const session = openSession(emu, res, params.id ?? '');
    if (!session) return;
    try {
      afterPayment(emu, res, session, pay(emu, session, form), form.string('email') || session.customer_email);
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      sendHtml(res, err.status, checkoutPage(emu, getSession(emu, session.id), { error: err.body.message }));
    }
  });
  emu.router.raw('POST', '/_emulator/checkout/:id/authenticate', async (req, res, params) => {
    const form = await formOf(req);
    const session = openSession(emu, res, params.id ?? '');
    if (!session) return;
    const piId = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
    if (!piId) return sendHtml(res, 400, checkoutPage(emu, session, { error: 'Nothing to authenticate.' }));
    const pi = completeAuthentication(emu, piId, form.string('outcome') === 'succeed' ? 'succeed' : 'fail');
    afterPayment(emu, res, session, pi, session.customer_email);
  });

  // Open sessions past expires_at expire (and say so) even when nobody reads them.
  const sweep = setInterval(() => {
    for (const session of emu.state.all('checkout_sessions')) if (session.status === 'open') expireIfDue(emu, session);
  }, SWEEP_MS);
  sweep.unref();
  emu.onClose(() => clearInterval(sweep));
};
