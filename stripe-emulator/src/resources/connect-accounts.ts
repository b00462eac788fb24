import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { invalidRequest, noSuch } from '../http/errors';
import { mergeMetadata, type Params } from '../http/params';
import type { ApiContext } from '../http/router';
import { newId } from '../store/ids';

/** What a new Express account still owes before Stripe lets it take charges and payouts. */
const INITIAL_DUE = [
  'business_profile.mcc',
  'business_profile.url',
  'business_type',
  'external_account',
  'individual.dob.day',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

const CURRENCY_BY_COUNTRY: Record<string, string> = { GB: 'gbp', US: 'usd', CA: 'cad', AU: 'aud', IE: 'eur', FR: 'eur', DE: 'eur', NL: 'eur', ES: 'eur', IT: 'eur' };

function requirements(due: string[], disabledReason: Stripe.Account.Requirements.DisabledReason | null): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: disabledReason,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

function requestedCapabilities(body: Params, type: string): Stripe.Account.Capabilities {
  const caps: Stripe.Account.Capabilities = {};
  const requested = body.object('capabilities');
  for (const name of ['transfers', 'card_payments'] as const) {
    if (requested?.object(name)?.boolean('requested')) caps[name] = 'inactive';
  }
  // An Express account cannot exist without a capability; the platform's usual choice is transfers.
  if (type === 'express' && Object.keys(caps).length === 0) caps.transfers = 'inactive';
  return caps;
}

export function getAccount(emu: Emulator, id: string, param = 'id'): Stripe.Account {
  const account = emu.state.get('accounts', id);
  if (!account) throw noSuch('account', id, param);
  return account;
}

/** Replaces the account, emitting account.updated with the top-level fields that changed. */
export function saveAccount(emu: Emulator, next: Stripe.Account, ctx?: Pick<ApiContext, 'requestId' | 'idempotencyKey'>): Stripe.Account {
  const current = getAccount(emu, next.id);
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(next)])) {
    const before = (current as unknown as Record<string, unknown>)[key];
    const after = (next as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) previous[key] = before ?? null;
  }
  emu.state.put('accounts', next.id, next);
  if (Object.keys(previous).length > 0) emu.events.emit('account.updated', next, { previous, ctx, account: next.id });
  return next;
}

export type OnboardingOutcome = 'complete' | 'reject';

/** What finishing (or failing) the hosted onboarding does to an account. */
export function finishOnboarding(emu: Emulator, id: string, outcome: OnboardingOutcome): Stripe.Account {
  const account = structuredClone(getAccount(emu, id));
  const capabilities: Stripe.Account.Capabilities = {};
  const names = Object.keys(account.capabilities ?? {}) as (keyof Stripe.Account.Capabilities)[];
  if (outcome === 'complete') {
    for (const name of new Set([...names, 'transfers', 'card_payments'] as const)) capabilities[name] = 'active';
  } else {
    for (const name of names) capabilities[name] = 'inactive';
  }
  const now = emu.clock.now();
  const next: Stripe.Account = {
    ...account,
    business_type: account.business_type ?? 'individual',
    capabilities,
    charges_enabled: outcome === 'complete',
    payouts_enabled: outcome === 'complete',
    details_submitted: true,
    requirements: requirements([], outcome === 'complete' ? null : 'rejected.other'),
    future_requirements: { ...requirements([], null), past_due: [] },
    tos_acceptance: { date: now, ip: '127.0.0.1', user_agent: 'stripe-emulator' },
  };
  if (outcome === 'reject') {
    next.requirements = { ...requirements([], 'rejected.other'), past_due: [], eventually_due: [] };
  }
  return saveAccount(emu, next);
}

export function createAccount(ctx: ApiContext): Stripe.Account {
  const { body, emu } = ctx;
  const type = body.string('type') ?? 'express';
  if (!['express', 'standard', 'custom'].includes(type)) {
    throw invalidRequest(`Invalid type: must be one of custom, express, or standard`, { param: 'type' });
  }
  const country = (body.string('country') ?? 'GB').toUpperCase();
  const id = newId('acct', 16);
  const account: Stripe.Account = {
    id,
    object: 'account',
    business_profile: null,
    business_type: null,
    capabilities: requestedCapabilities(body, type),
    charges_enabled: false,
    country,
    created: emu.clock.now(),
    default_currency: CURRENCY_BY_COUNTRY[country] ?? 'usd',
    details_submitted: false,
    email: body.string('email') ?? null,
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: { ...requirements([], null), past_due: [] },
    metadata: mergeMetadata({}, body.metadata()),
    payouts_enabled: false,
    requirements: requirements(INITIAL_DUE, 'requirements.past_due'),
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type,
  };
  emu.state.put('accounts', id, account);
  return account;
}

export function updateAccount(ctx: ApiContext): Stripe.Account {
  const account = structuredClone(getAccount(ctx.emu, ctx.params.id ?? ''));
  const { body } = ctx;
  if (body.has('metadata')) account.metadata = mergeMetadata(account.metadata ?? {}, body.metadata());
  if (body.has('email')) account.email = body.string('email') || null;
  const requested = requestedCapabilities(body, '');
  for (const [name, status] of Object.entries(requested) as [keyof Stripe.Account.Capabilities, string][]) {
    account.capabilities = { ...account.capabilities, [name]: account.capabilities?.[name] ?? status };
  }
  return saveAccount(ctx.emu, account, ctx);
}
