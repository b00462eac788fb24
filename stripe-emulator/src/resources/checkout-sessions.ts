import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, missingParam, noSuch } from '../http/errors';
import { mergeMetadata, type Params } from '../http/params';
import { newId, newSecret } from '../store/ids';
import { currencyParam } from './util';

const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;

export function getSession(emu: Emulator, id: string): Stripe.Checkout.Session {
  const session = emu.state.get('checkout_sessions', id);
  if (!session) throw noSuch('checkout.session', id);
  return expireIfDue(emu, session);
}

/** Sessions expire on the emulator's clock: lazily on read, and by a sweep. */
export function expireIfDue(emu: Emulator, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  if (session.status !== 'open' || emu.clock.now() < session.expires_at) return session;
  return expireSession(emu, session);
}

export function expireSession(emu: Emulator, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  const expired = emu.state.put('checkout_sessions', session.id, { ...session, status: 'expired', url: null });
  emu.events.emit('checkout.session.expired', expired, { previous: { status: 'open' } });
  return expired;
}

function lineItems(emu: Emulator, p: Params, sessionId: string): { items: Stripe.LineItem[]; currency: string } {
  const raw = p.list('line_items');
  if (!raw?.length) throw missingParam('line_items');
  let currency: string | undefined;
  const items = raw.map((entry, i) => {
    if (typeof entry !== 'object' || Array.isArray(entry)) throw invalidRequest('Invalid line item', { param: `line_items[${i}]` });
    const item = new (p.constructor as new (raw: typeof entry) => Params)(entry);
    const priceData = item.object('price_data');
    if (!priceData) {
      throw invalidRequest('The emulator supports line items with price_data only.', { param: `line_items[${i}][price_data]` });
    }
    const itemCurrency = currencyParam(priceData);
    if (currency && itemCurrency !== currency) throw invalidRequest('All line items must use the same currency.', { param: `line_items[${i}][price_data][currency]` });
    currency = itemCurrency;
    const unitAmount = priceData.requiredInteger('unit_amount');
    const quantity = item.integer('quantity') ?? 1;
    if (unitAmount < 0 || quantity < 1) throw invalidRequest('Invalid amount or quantity.', { param: `line_items[${i}]` });
    const product = priceData.object('product_data');
    const name = product?.requiredString('name') ?? 'Item';
    const total = unitAmount * quantity;
    return {
      id: newId('li'),
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: total,
      amount_tax: 0,
      amount_total: total,
      currency: itemCurrency,
      description: name,
      metadata: {},
      price: null,
      quantity,
    } satisfies Stripe.LineItem;
  });
  emu.state.put('checkout_line_items', sessionId, items);
  return { items, currency: currency ?? 'usd' };
}

export function createSession(emu: Emulator, body: Params): Stripe.Checkout.Session {
  const mode = body.string('mode') ?? 'payment';
  if (mode !== 'payment') throw invalidRequest('The emulator supports mode=payment only.', { param: 'mode' });
  const successUrl = body.requiredString('success_url');
  const now = emu.clock.now();
  const expiresAt = body.integer('expires_at') ?? now + MAX_EXPIRY_S;
  if (expiresAt < now + MIN_EXPIRY_S || expiresAt > now + MAX_EXPIRY_S) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  const id = newId('cs_test', 58);
  const { items, currency } = lineItems(emu, body, id);
  const total = items.reduce((sum, i) => sum + i.amount_total, 0);
  const intentData = body.object('payment_intent_data');
  const transfer = intentData?.object('transfer_data');
  emu.state.put('checkout_payment_data', id, {
    description: intentData?.string('description') ?? items.map((i) => i.description).join(', '),
    metadata: mergeMetadata({}, intentData?.metadata()),
    applicationFeeAmount: intentData?.integer('application_fee_amount'),
    destination: transfer?.requiredString('destination'),
    captureMethod: intentData?.string('capture_method') === 'manual' ? 'manual' : 'automatic',
  });
  const customer = body.string('customer') || null;
  if (customer && !emu.state.get('customers', customer)) throw noSuch('customer', customer, 'customer');

  const session: Stripe.Checkout.Session = {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: body.string('cancel_url') || null,
    client_reference_id: body.string('client_reference_id') || null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer,
    customer_account: null,
    customer_creation: customer ? null : 'if_required',
    customer_details: null,
    customer_email: body.string('customer_email') || null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: mergeMetadata({}, body.metadata()),
    mode: 'payment',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: total === 0 ? 'no_payment_required' : 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${emu.url}/_emulator/checkout/${id}#${newSecret(16)}`,
    wallet_options: null,
  };
  return emu.state.put('checkout_sessions', id, session);
}
