import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest } from '../http/errors';
import { expand } from '../http/expand';
import { paginate } from '../http/list';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods';
import { createdFilter, expandPaths, mustGet } from './util';
import * as P from '../params/customers';

/** Deleted customers stay known (retrieve answers `{deleted: true}`) but leave lists and searches. */
const deleted = (c: Stripe.Customer): boolean => (c as { deleted?: unknown }).deleted === true;

function address(p: Params | undefined): Stripe.Address | null {
  if (!p) return null;
  return {
    city: p.string('city') ?? null,
    country: p.string('country') ?? null,
    line1: p.string('line1') ?? null,
    line2: p.string('line2') ?? null,
    postal_code: p.string('postal_code') ?? null,
    state: p.string('state') ?? null,
  };
}

function nullable(p: Params, name: string, current: string | null | undefined): string | null {
  if (!p.has(name)) return current ?? null;
  const v = p.string(name);
  return v === '' || v === undefined ? null : v;
}

function defaultPaymentMethod(ctx: ApiContext, customerId: string, current: string | null): string | null {
  const settings = ctx.body.object('invoice_settings');
  if (!settings?.has('default_payment_method')) return current;
  const id = settings.string('default_payment_method');
  if (!id) return null;
  const pm = resolvePaymentMethod(ctx.emu, id, 'invoice_settings[default_payment_method]');
  if (pm.customer !== customerId) {
    throw invalidRequest(`No such PaymentMethod: '${id}'; It is not attached to customer ${customerId}.`, { param: 'invoice_settings[default_payment_method]' });
  }
  return pm.id;
}

function getLive(emu: Emulator, id: string): Stripe.Customer {
  const c = mustGet(emu, 'customers', 'customer', id);
  if (deleted(c)) throw invalidRequest(`No such customer: '${id}'`, { status: 404, code: 'resource_missing', param: 'id' });
  return c;
}

function create(ctx: ApiContext): Stripe.Customer {
  const { body, emu } = ctx;
  const customer: Stripe.Customer = {
    id: newId('cus', 14),
    object: 'customer',
    address: address(body.object('address')),
    balance: body.integer('balance') ?? 0,
    created: emu.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: nullable(body, 'description', null),
    discount: null,
    email: nullable(body, 'email', null),
    invoice_prefix: newId('x', 8).slice(2).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: mergeMetadata({}, body.metadata()),
    name: nullable(body, 'name', null),
    next_invoice_sequence: 1,
    phone: nullable(body, 'phone', null),
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  emu.state.put('customers', customer.id, customer);
  const pmId = body.string('payment_method');
  if (pmId) attachPaymentMethod(ctx, resolvePaymentMethod(emu, pmId), customer.id);
  customer.invoice_settings.default_payment_method = defaultPaymentMethod(ctx, customer.id, null);
  emu.events.emit('customer.created', customer, { ctx });
  return expand(emu.state, customer, expandPaths(ctx));
}

function update(ctx: ApiContext): Stripe.Customer {
  const { body, emu } = ctx;
  const current = getLive(emu, ctx.params.id ?? '');
  const next: Stripe.Customer = {
    ...current,
    address: body.has('address') ? address(body.object('address')) : (current.address ?? null),
    description: nullable(body, 'description', current.description),
    email: nullable(body, 'email', current.email),
    name: nullable(body, 'name', current.name),
    phone: nullable(body, 'phone', current.phone),
    metadata: mergeMetadata(current.metadata, body.metadata()),
    invoice_settings: { ...current.invoice_settings, default_payment_method: defaultPaymentMethod(ctx, current.id, pmIdOf(current)) },
  };
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof Stripe.Customer)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) previous[key] = current[key] ?? null;
  }
  emu.state.put('customers', next.id, next);
  if (Object.keys(previous).length > 0) emu.events.emit('customer.updated', next, { ctx, previous });
  return expand(emu.state, next, expandPaths(ctx));
}

function pmIdOf(c: Stripe.Customer): string | null {
  const pm = c.invoice_settings.default_payment_method;
  return typeof pm === 'string' || pm === null ? pm : pm.id;
}

/** Stripe's search query language, the subset used here: `field:'value'` (exact), `field~'value'` (contains), AND/OR. */
function parseQuery(query: string): (c: Stripe.Customer) => boolean {
  const parts = query.trim().split(/\s+(AND|OR)\s+/);
  const clauses: ((c: Stripe.Customer) => boolean)[] = [];
  const joins: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) return void joins.push(part);
    const m = /^(-?)(email|name|phone|description|metadata\[(['"])(.+?)\3\])\s*([:~])\s*(['"])(.*)\6$/.exec(part.trim());
    if (!m) throw invalidRequest(`Invalid search query: ${query}. See https://stripe.com/docs/search#search-query-language.`, { param: 'query' });
    const [, negate, field, , metaKey, op, , value] = m;
    clauses.push((c) => {
      const raw = metaKey !== undefined ? c.metadata[metaKey] : (c[field as 'email' | 'name' | 'phone' | 'description'] ?? undefined);
      const actual = raw ?? '';
      const hit = op === ':' ? (field === 'email' ? actual.toLowerCase() === (value ?? '').toLowerCase() : actual === value) : raw !== undefined && actual.toLowerCase().includes((value ?? '').toLowerCase());
      return negate ? !hit : hit;
    });
  });
  if (new Set(joins).size > 1) throw invalidRequest('Search queries cannot mix AND and OR.', { param: 'query' });
  return joins[0] === 'OR' ? (c) => clauses.some((f) => f(c)) : (c) => clauses.every((f) => f(c));
}

function search(ctx: ApiContext): Stripe.ApiSearchResult<Stripe.Customer> {
  const match = parseQuery(ctx.query.requiredString('query'));
  const limit = ctx.query.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  const page = ctx.query.string('page');
  const offset = page ? Number(Buffer.from(page, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidRequest('Invalid page token.', { param: 'page' });
  const all = ctx.emu.state.all('customers').filter((c) => !deleted(c) && match(c));
  const data = all.slice(offset, offset + limit);
  const has_more = offset + limit < all.length;
  return {
    object: 'search_result',
    data,
    has_more,
    next_page: has_more ? Buffer.from(String(offset + limit)).toString('base64url') : null,
    url: '/v1/customers/search',
  };
}

export function installCustomers(emu: Emulator): void {
  emu.router.api('POST', '/v1/customers', P.CREATE, create);
  emu.router.api('GET', '/v1/customers/search', P.SEARCH, search);
  emu.router.api('GET', '/v1/customers', P.LIST, (ctx) => {
    const email = ctx.query.string('email');
    const created = createdFilter(ctx.query);
    const items = emu.state.all('customers').filter((c) => !deleted(c) && (email === undefined || c.email === email) && created(c.created));
    return paginate(items, ctx.query, '/v1/customers');
  });
  emu.router.api('GET', '/v1/customers/:id', P.RETRIEVE, (ctx) => {
    const c = mustGet(emu, 'customers', 'customer', ctx.params.id ?? '');
    if (deleted(c)) return { id: c.id, object: 'customer', deleted: true } satisfies Stripe.DeletedCustomer;
    return expand(emu.state, c, expandPaths(ctx));
  });
  emu.router.api('POST', '/v1/customers/:id', P.UPDATE, update);
  emu.router.api('DELETE', '/v1/customers/:id', P.DELETE, (ctx) => {
    const c = getLive(emu, ctx.params.id ?? '');
    // Kept with a marker so a later retrieve answers as Stripe does; its payment methods are detached.
    emu.state.put('customers', c.id, { ...c, deleted: true } as unknown as Stripe.Customer);
    for (const pm of emu.state.all('payment_methods').filter((p) => p.customer === c.id)) {
      emu.state.put('payment_methods', pm.id, { ...pm, customer: null });
    }
    emu.events.emit('customer.deleted', c, { ctx });
    return { id: c.id, object: 'customer', deleted: true } satisfies Stripe.DeletedCustomer;
  });
}
