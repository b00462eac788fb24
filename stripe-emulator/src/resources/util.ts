import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, missingParam, noSuch } from '../http/errors';
import type { Params } from '../http/params';
import type { ApiContext } from '../http/router';
import type { CollectionName, Collections } from '../store/state';

/** The `expand[]` paths of a request (body for POST, query for GET/DELETE). */
export function expandPaths(ctx: ApiContext): string[] {
  const source = ctx.method === 'POST' ? ctx.body : ctx.query;
  const list = source.list('expand') ?? [];
  return list.filter((p): p is string => typeof p === 'string');
}

/** A list endpoint's `created` filter (or another timestamp's): `created=123` or `created[gte]=...` etc. */
export function createdFilter(query: Params, name = 'created'): (created: number) => boolean {
  if (!query.has(name)) return () => true;
  const exact = query.raw[name];
  if (typeof exact === 'string') {
    const n = query.integer(name);
    return (c) => c === n;
  }
  const range = query.object(name);
  const gt = range?.integer('gt');
  const gte = range?.integer('gte');
  const lt = range?.integer('lt');
  const lte = range?.integer('lte');
  return (c) =>
    (gt === undefined || c > gt) && (gte === undefined || c >= gte) && (lt === undefined || c < lt) && (lte === undefined || c <= lte);
}

/** Lower-case ISO currency, as Stripe stores it; 400 for anything else. */
export function currencyParam(p: Params, name = 'currency'): string {
  const v = p.requiredString(name).toLowerCase();
  if (!/^[a-z]{3}$/.test(v)) throw invalidRequest(`Invalid currency: ${v}. Stripe currently supports these currencies: usd, gbp, eur, ...`, { param: name });
  return v;
}

const SYMBOLS: Record<string, string> = { gbp: '£', usd: '$', eur: '€' };
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/** "£21.45", "$0.50", "€3.00", else "CHF 12.00" — as Stripe writes amounts in messages. */
export function formatAmount(amount: number, currency: string): string {
  const value = ZERO_DECIMAL.has(currency) ? String(amount) : (amount / 100).toFixed(2);
  const symbol = SYMBOLS[currency];
  return symbol ? `${symbol}${value}` : `${currency.toUpperCase()} ${value}`;
}

/** Stripe's minimum charge amounts (docs: "Minimum and maximum charge amounts"); others use 50 minor units. */
const MINIMUMS: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, jpy: 50 };

export function checkMinimumAmount(amount: number, currency: string): void {
  if (amount < 1 && amount !== 0) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > 99_999_999) throw invalidRequest(`Amount must be no more than ${formatAmount(99_999_999, currency)}`, { param: 'amount', code: 'amount_too_large' });
  const min = MINIMUMS[currency] ?? 50;
  if (amount < min) {
    throw invalidRequest(`Amount must be at least ${formatAmount(min, currency)} ${currency}`, { param: 'amount', code: 'amount_too_small' });
  }
}

/**
 * Stripe's processing fee in this emulator: a fixed model of 1.5 % + 20 minor
 * units (UK standard card pricing), rounded to the nearest minor unit.
 */
export function stripeFee(amount: number): number {
  return Math.round(amount * 0.015) + 20;
}

/** With the publishable key, the object's client secret must come along (Stripe.js sends it). */
export function requireClientSecret(ctx: ApiContext, secret: string | null, kind = 'PaymentIntent'): void {
  if (ctx.key.kind !== 'publishable') return;
  const given = ctx.query.string('client_secret') ?? ctx.body.string('client_secret');
  if (!given) throw missingParam('client_secret');
  if (given !== secret) {
    throw invalidRequest(`The client_secret provided does not match the client_secret associated with the ${kind}.`, { param: 'client_secret' });
  }
}

/** Empty list in Stripe's shape (sub-lists such as fee refunds, transfer reversals). */
export function emptyList<T>(url: string): Stripe.ApiList<T> {
  return { object: 'list', data: [], has_more: false, url };
}

/** Reads an object by id or answers Stripe's 404 ("No such payment_intent: 'pi_..'"). */
export function mustGet<C extends CollectionName>(emu: Emulator, collection: C, kind: string, id: string, param = 'id'): Collections[C][string] {
  const found = emu.state.get(collection, id);
  if (found === undefined) throw noSuch(kind, id, param);
  return found;
}
